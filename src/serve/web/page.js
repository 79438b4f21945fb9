// The serve page: checks DOCX files through /api/check (the HTML report in a sandboxed frame),
// offers the fixed and the annotated copy and fix's change log per file, and builds DOCX or PDF
// from Markdown through /api/build. Nothing is sent anywhere but this server.
'use strict';

const en = document.documentElement.lang === 'en';
const T = {
  title: ['bidfmt 技术标格式检查', 'bidfmt — technical bid format check'],
  token: ['访问令牌', 'Access token'],
  tokenHint: ['本服务要求令牌,请向运行 bidfmt serve 的同事索取。', 'This server needs a token; ask whoever runs bidfmt serve.'],
  checkTitle: ['检查投标文件', 'Check bid documents'],
  dropDocx: ['把 DOCX 文件拖到这里,或点击选择(可多选)', 'Drop DOCX files here, or click to choose (several at once)'],
  profile: ['格式规范', 'Profile'],
  project: ['项目名称(页眉)', 'Project name (header)'],
  override: ['招标要求(YAML,可选)', 'Tender override (YAML, optional)'],
  render: ['版面核对', 'Layout check'],
  renderHint: ['版面核对用 LibreOffice 排版后核对页脚页码、目录页码,并显示页面缩略图,较慢。',
               'The layout check lays the pages out with LibreOffice to check footers and TOC page numbers, with page thumbnails; it is slower.'],
  renderMissing: ['服务器未安装 LibreOffice,版面核对与 PDF 不可用。', 'LibreOffice is not installed on the server: no layout check and no PDF.'],
  check: ['检查', 'Check'],
  buildTitle: ['由 Markdown 生成', 'Build from Markdown'],
  dropMd: ['把 Markdown 文件(或含 Markdown 与图片的 zip)拖到这里,或点击选择', 'Drop a Markdown file (or a zip of Markdown and images) here, or click to choose'],
  buildDocx: ['生成 DOCX', 'Build DOCX'],
  buildPdf: ['生成 PDF', 'Build PDF'],
  footer: ['文件只在本次请求中处理,处理完即删除,不保存。', 'Files are processed for the request only and deleted right after; nothing is kept.'],
  noFiles: ['请先选择 DOCX 文件。', 'Choose DOCX files first.'],
  noMd: ['请先选择 Markdown 或 zip 文件。', 'Choose a Markdown file or a zip first.'],
  checking: ['正在检查…', 'Checking…'],
  building: ['正在生成…', 'Building…'],
  clean: ['未发现格式问题', 'No format findings'],
  findings: ['发现 {n} 处格式问题', '{n} format finding(s)'],
  fixed: ['下载修复版', 'Download fixed copy'],
  annotated: ['下载批注版', 'Download annotated copy'],
  changeLog: ['修改记录', 'Change log'],
  working: ['请稍候…', 'Working…'],
  done: ['已下载', 'Downloaded'],
  failed: ['失败:', 'Failed: '],
};
const t = (key, n) => T[key][en ? 1 : 0].replace('{n}', n);
const $ = (id) => document.getElementById(id);

for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
document.title = t('title');
$('lang-switch').textContent = en ? '中文' : 'English';
$('lang-switch').href = en ? '/' : '/?lang=en';

// ---- requests ----

function headers() {
  const token = $('token').value || sessionStorage.getItem('bidfmt-token') || '';
  return token ? { Authorization: 'Bearer ' + token } : {};
}

// POSTs `form` to `url`; resolves to the Response, or throws an Error with the server's message.
async function post(url, form) {
  form.append('lang', en ? 'en' : 'zh');
  const res = await fetch(url, { method: 'POST', body: form, headers: headers() });
  if (res.status === 401) $('token-box').hidden = false;
  if (!res.ok) {
    let message = 'HTTP ' + res.status;
    try { message = (await res.json()).error || message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return res;
}

function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

const stem = (name) => name.replace(/\.[^.]*$/, '');

function checkForm(file) {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('profile', $('profile').value);
  if ($('project').value) form.append('project', $('project').value);
  if ($('override').files[0]) form.append('override', $('override').files[0], $('override').files[0].name);
  return form;
}

// ---- check ----

function button(label, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'secondary';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

async function download(b, status, url, form, name) {
  b.disabled = true;
  status.className = 'status';
  status.textContent = t('working');
  try {
    const res = await post(url, form);
    saveBlob(await res.blob(), name);
    status.textContent = t('done') + ' ' + name;
  } catch (e) {
    status.className = 'status bad';
    status.textContent = t('failed') + e.message;
  } finally {
    b.disabled = false;
  }
}

async function checkOne(file, box) {
  const status = box.querySelector('.status');
  const form = checkForm(file);
  form.append('format', 'html');
  if ($('render').checked) form.append('render', '1');
  try {
    const res = await post('/api/check', form);
    const n = Number(res.headers.get('X-Bidfmt-Findings') || 0);
    status.className = n ? 'status bad' : 'status ok';
    status.textContent = n ? t('findings', n) : t('clean');
    const frame = document.createElement('iframe');
    frame.className = 'report';
    frame.setAttribute('sandbox', 'allow-scripts');  // the report's own filter script, nothing else
    frame.title = file.name;
    frame.srcdoc = await res.text();
    const actions = document.createElement('div');
    actions.className = 'buttons';
    const note = document.createElement('p');
    note.className = 'status';
    actions.append(
      button(t('fixed'), (ev) => download(ev.target, note, '/api/fix', checkForm(file), stem(file.name) + '-fixed.docx')),
      button(t('annotated'), (ev) => {
        const f = checkForm(file);
        f.append('annotate', '1');
        download(ev.target, note, '/api/check', f, stem(file.name) + '-annotated.docx');
      }),
      button(t('changeLog'), (ev) => {
        const f = checkForm(file);
        f.append('log', '1');
        download(ev.target, note, '/api/fix', f, stem(file.name) + '-changes.json');
      }));
    box.append(actions, note, frame);
  } catch (e) {
    status.className = 'status bad';
    status.textContent = t('failed') + e.message;
  }
}

$('check-button').addEventListener('click', async () => {
  const files = Array.from($('docx-files').files);
  const results = $('results');
  results.textContent = '';
  if (!files.length) {
    results.innerHTML = '<p class="status bad"></p>';
    results.firstChild.textContent = t('noFiles');
    return;
  }
  if ($('token').value) sessionStorage.setItem('bidfmt-token', $('token').value);
  $('check-button').disabled = true;
  const boxes = files.map((file) => {
    const box = document.createElement('div');
    box.className = 'result';
    const h = document.createElement('h3');
    h.textContent = file.name;
    const status = document.createElement('p');
    status.className = 'status';
    status.textContent = t('checking');
    box.append(h, status);
    results.append(box);
    return box;
  });
  // Two at a time: the server queues the rest anyway, and the first reports come back sooner.
  let next = 0;
  const worker = async () => { while (next < files.length) { const i = next++; await checkOne(files[i], boxes[i]); } };
  await Promise.all([worker(), worker()]);
  $('check-button').disabled = false;
});

// ---- build ----

async function buildAs(pdf) {
  const file = $('md-file').files[0];
  const status = $('build-status');
  if (!file) { status.className = 'status bad'; status.textContent = t('noMd'); return; }
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('profile', $('profile').value);
  if ($('override').files[0]) form.append('override', $('override').files[0], $('override').files[0].name);
  if (pdf) form.append('pdf', '1');
  status.className = 'status';
  status.textContent = t('building');
  try {
    const res = await post('/api/build', form);
    const name = stem(file.name) + (pdf ? '.pdf' : '.docx');
    saveBlob(await res.blob(), name);
    status.className = 'status ok';
    status.textContent = t('done') + ' ' + name;
  } catch (e) {
    status.className = 'status bad';
    status.textContent = t('failed') + e.message;
  }
}
$('build-docx').addEventListener('click', () => buildAs(false));
$('build-pdf').addEventListener('click', () => buildAs(true));

// ---- dropping files ----

function dropZone(zone, input, chosen) {
  // The browser names one chosen file itself; several are listed here.
  const show = () => { chosen.textContent = input.files.length > 1 ? Array.from(input.files).map((f) => f.name).join('、') : ''; };
  input.addEventListener('change', show);
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const dt = new DataTransfer();
    for (const f of e.dataTransfer.files) if (input.multiple || dt.items.length === 0) dt.items.add(f);
    input.files = dt.files;
    show();
  });
}
dropZone($('docx-drop'), $('docx-files'), $('docx-chosen'));
dropZone($('md-drop'), $('md-file'), $('md-chosen'));

// ---- what the server offers ----

async function loadProfiles() {
  const res = await fetch('/api/profiles', { headers: headers() });
  if (!res.ok) return;  // 401 until the token is given
  const select = $('profile');
  const chosen = select.value;
  select.textContent = '';
  for (const p of (await res.json()).profiles) {
    const o = document.createElement('option');
    o.value = p.id;
    o.textContent = p.id + ' — ' + p.name;
    o.selected = chosen ? p.id === chosen : p.default;
    select.append(o);
  }
}
$('token').addEventListener('change', () => {
  sessionStorage.setItem('bidfmt-token', $('token').value);
  loadProfiles().catch(() => {});
});

(async () => {
  try {
    const health = await (await fetch('/healthz')).json();
    if (health.token) $('token-box').hidden = false;
    if (!health.render) {
      $('render').disabled = true;
      $('build-pdf').disabled = true;
      $('render-hint').textContent = t('renderMissing');
    }
    await loadProfiles();
  } catch (e) { /* the page still works with the default profile */ }
})();
