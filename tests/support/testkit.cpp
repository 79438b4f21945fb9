// Test helpers: paths from the environment ctest sets, process running, zip access, XSD validation.
#include "support/testkit.h"

#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "package/zip_reader.h"
#include "package/zip_writer.h"

extern char** environ;

namespace bidfmt::testkit {
namespace fs = std::filesystem;

namespace {
std::string env_or(const char* name, const std::string& def) {
  const char* v = std::getenv(name);
  return v && *v ? v : def;
}
}  // namespace

std::string source_dir() { return env_or("BIDFMT_SOURCE_DIR", BIDFMT_DEFAULT_SOURCE_DIR); }
std::string shared_dir() { return env_or("BIDFMT_SHARED_DIR", BIDFMT_DEFAULT_SHARED_DIR); }
std::string binary() { return env_or("BIDFMT_BINARY", BIDFMT_DEFAULT_BINARY); }

std::string schema_dir() { return source_dir() + "/tests/data/ooxml-xsd"; }
std::string corpus_dir() { return env_or("BIDFMT_CORPUS_DIR", BIDFMT_DEFAULT_CORPUS_DIR); }

std::string corpus_file(const std::string& name) {
  std::string path = corpus_dir() + "/pandoc-docx/" + name;
  return fs::exists(path) ? path : "";
}

std::string no_corpus() {
  return "no corpus at " + corpus_dir() + "/pandoc-docx (set BIDFMT_CORPUS_DIR to a folder with pandoc-docx/ to run this test)";
}

std::vector<std::string> corpus_docx() {
  std::vector<std::string> files;
  std::vector<std::string> dirs = {corpus_dir()};
  // More corpora for a local run (e.g. Apache POI's test documents), colon-separated; not in CI.
  std::string extra = env_or("BIDFMT_EXTRA_CORPUS", "");
  for (size_t at = 0; at < extra.size();) {
    size_t end = extra.find(':', at);
    if (end == std::string::npos) end = extra.size();
    if (end > at) dirs.push_back(extra.substr(at, end - at));
    at = end + 1;
  }
  for (const std::string& dir : dirs) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->path().extension() == ".docx" && it->path().filename().string().rfind("~$", 0) != 0) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// ctest runs tests side by side, each in its own process, and several tests ask for the same name
// ("cli-broken"): each process gets its own folder, so one test never removes or half-writes a file
// another is reading. Folders of processes that have ended are removed on first use.
static const fs::path& process_temp_root() {
  static const fs::path root = [] {
    const fs::path base = env_or("BIDFMT_TEST_TMP", BIDFMT_DEFAULT_TMP);
    std::error_code ec;
    std::vector<fs::path> ended;
    for (auto it = fs::directory_iterator(base, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const std::string n = it->path().filename().string();
      if (n.size() < 2 || n.size() > 10 || n[0] != 'p' || n.find_first_not_of("0123456789", 1) != std::string::npos) continue;
      if (::kill(static_cast<pid_t>(std::stol(n.substr(1))), 0) != 0 && errno == ESRCH) ended.push_back(it->path());
    }
    for (const fs::path& dir : ended) fs::remove_all(dir, ec);
    return base / ("p" + std::to_string(::getpid()));
  }();
  return root;
}

std::string temp_dir(const std::string& name) {
  fs::path p = process_temp_root() / name;
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

RunResult run(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
  RunResult r;
  // stdout and stderr go to temp files: no pipe deadlock on large outputs.
  std::string base = temp_dir("run-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
  std::string out_path = base + "/out", err_path = base + "/err";
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> env_store;
  for (char** e = environ; *e; ++e) {
    std::string kv = *e;
    bool replaced = false;  // an entry in `env` replaces the inherited one of the same name
    for (const std::string& o : env) replaced = replaced || kv.compare(0, o.find('=') + 1, o, 0, o.find('=') + 1) == 0;
    if (!replaced) env_store.push_back(kv);
  }
  for (const std::string& e : env) env_store.push_back(e);
  std::vector<char*> envp;
  for (std::string& e : env_store) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid;
  int rc = posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) {
    r.err = "cannot start " + argv[0];
    return r;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_text(out_path);
  r.err = read_text(err_path);
  fs::remove_all(base);
  return r;
}

RunResult run_cli(const std::vector<std::string>& args) {
  std::vector<std::string> argv{binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv);
}

std::map<std::string, std::string> read_zip(const std::string& path) {
  package::ZipReader z(path);
  std::map<std::string, std::string> m;
  for (const std::string& n : z.names()) m[n] = z.get(n);
  return m;
}

std::string write_text(const std::string& dir, const std::string& name, const std::string& text) {
  std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

void write_zip(const std::string& path, const std::map<std::string, std::string>& entries) {
  package::ZipWriter w(path);
  // [Content_Types].xml first, as Word writes it.
  auto ct = entries.find("[Content_Types].xml");
  if (ct != entries.end()) w.add(ct->first, ct->second);
  for (const auto& [name, data] : entries)
    if (name != "[Content_Types].xml") w.add(name, data);
  w.close();
}

namespace {
std::string schema_for(const std::string& part) {
  if (part == "[Content_Types].xml") return "opc-contentTypes.xsd";
  if (part.size() > 5 && part.compare(part.size() - 5, 5, ".rels") == 0) return "opc-relationships.xsd";
  if (part == "docProps/core.xml") return "opc-coreProperties.xsd";
  if (part == "docProps/app.xml") return "shared-documentPropertiesExtended.xsd";
  return "wml.xsd";
}

struct SchemaCache {
  std::mutex mu;
  std::map<std::string, xmlSchemaPtr> schemas;
  xmlSchemaPtr get(const std::string& file) {
    std::lock_guard<std::mutex> lock(mu);
    auto it = schemas.find(file);
    if (it != schemas.end()) return it->second;
    std::string path = schema_dir() + "/" + file;
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path.c_str());
    xmlSchemaPtr s = pc ? xmlSchemaParse(pc) : nullptr;
    if (pc) xmlSchemaFreeParserCtxt(pc);
    schemas[file] = s;
    return s;
  }
  // Compiled schemas are freed at exit, so LeakSanitizer (the ASan suite) sees no leak.
  ~SchemaCache() {
    for (auto& [file, s] : schemas)
      if (s) xmlSchemaFree(s);
  }
};
SchemaCache& cache() {
  static SchemaCache c;
  return c;
}
void collect(void* ctx, const char* fmt, ...) {
  char buf[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  static_cast<std::string*>(ctx)->append(buf);
}
}  // namespace

std::string validate_part(const std::string& part_name, const std::string& xml) {
  xmlSchemaPtr schema = cache().get(schema_for(part_name));
  if (!schema) return "schema " + schema_for(part_name) + " failed to compile";
  std::string errors;
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), part_name.c_str(), nullptr, XML_PARSE_NONET);
  if (!doc) return part_name + ": not well-formed XML";
  xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidErrors(vc, collect, collect, &errors);
  int rc = xmlSchemaValidateDoc(vc, doc);
  xmlSchemaFreeValidCtxt(vc);
  xmlFreeDoc(doc);
  if (rc != 0 && errors.empty()) errors = "invalid (code " + std::to_string(rc) + ")";
  return errors;
}

bool have_program(const std::string& name) {
  std::string path = env_or("PATH", "/usr/bin:/bin");
  std::stringstream ss(path);
  std::string dir;
  while (std::getline(ss, dir, ':'))
    if (!dir.empty() && ::access((dir + "/" + name).c_str(), X_OK) == 0) return true;
  return false;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace bidfmt::testkit
