# bash completion for bidfmt (installed as share/bash-completion/completions/bidfmt).
# One line per subcommand lists its options; tests/cli/man_test.cpp checks them against --help.
_bidfmt() {
  local cur prev cmd verb i
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmd="" verb=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -*) ;;
      *) if [ -z "$cmd" ]; then cmd=${COMP_WORDS[i]}; elif [ -z "$verb" ]; then verb=${COMP_WORDS[i]}; fi ;;
    esac
  done

  case $prev in
    --lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;
    --format) COMPREPLY=($(compgen -W "text json sarif junit html" -- "$cur")); return ;;
    --profile)
      COMPREPLY=($(compgen -W "xx-2014 chapter-heiti" -- "$cur") $(compgen -f -X '!*.yaml' -- "$cur"))
      return ;;
    --override|--identity|--meta) COMPREPLY=($(compgen -f -X '!*.y*ml' -- "$cur") $(compgen -d -- "$cur")); return ;;
    -o|--output|--pdf|--annotate|--log) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -j|--jobs|--port|--queue|--timeout|--host|--token|--max-upload) return ;;
  esac

  local opts files
  case $cmd in
    build) opts="-h --help --lang -o --output --meta --profile --override --paginate --pdf --doc --split-chapters -q --quiet"; files='!*.@(md|json)' ;;
    parse) opts="-h --help --lang -o --output"; files='!*.@(md|json)' ;;
    check) opts="-h --help --lang --profile --override --project --format -o --output -j --jobs --render --annotate --anonymous --identity --strict -q --quiet"; files='!*.@(docx|dotx|docm|doc|wps|rtf|odt)' ;;
    fix) opts="-h --help --lang -o --output --in-place --dry-run --log --profile --override --project --anonymous --identity --strict --keep-text"; files='!*.@(docx|dotx|docm|doc|wps|rtf|odt)' ;;
    profiles)
      if [ -z "$verb" ]; then
        COMPREPLY=($(compgen -W "list show validate -h --help --lang" -- "$cur")); return
      fi
      opts="-h --help --lang --override"; files='!*.yaml' ;;
    template) opts="-h --help --lang --profile -o --output"; files="" ;;
    explain) opts="-h --help --lang --all --markdown --keys --profile"; files="" ;;
    serve) opts="-h --help --lang --host --port --token --max-upload -j --jobs --queue --timeout"; files="" ;;
    *) COMPREPLY=($(compgen -W "build parse check fix profiles template explain serve -h --help --version --lang" -- "$cur")); return ;;
  esac
  if [[ $cur == -* ]] || [ -z "$files" ]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    shopt -s extglob
    COMPREPLY=($(compgen -f -X "$files" -- "$cur") $(compgen -d -- "$cur"))
  fi
}
complete -o filenames -F _bidfmt bidfmt
