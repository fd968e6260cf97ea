# Sourced by the scripts that compile programs against the library objects
# Scripts/build-docs.sh leaves in .build-docs (check-article-snippets.sh,
# check-single-threaded.sh): sets `debug` to that build's directory, or
# stops if there is none.
debug=$(find .build-docs -maxdepth 2 -type d -name debug | head -n 1)
if [[ -z $debug || ! -d $debug/Modules ]]; then
  echo "error: run Scripts/build-docs.sh first" >&2
  exit 1
fi
