#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder image (an Ubuntu base image;
# pick Ubuntu 24.04: the pinned NumPy and TensorFlow need Python >= 3.11).
# It installs the bundled gradetape, with the exact versions of constraints.txt, into a venv.
# Paths can be overridden for a local dry run:
#   GRADETAPE_AUTOGRADER_ROOT  the /autograder folder    GRADETAPE_VENV  where the venv goes
set -euo pipefail
ROOT="${GRADETAPE_AUTOGRADER_ROOT:-/autograder}"
SOURCE="${GRADETAPE_SOURCE:-$ROOT/source}"
VENV="${GRADETAPE_VENV:-$ROOT/venv}"
export DEBIAN_FRONTEND=noninteractive

find_python() {
    local candidate
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

PYTHON="$(find_python || true)"
if [ -z "$PYTHON" ]; then
    apt-get update
    apt-get install -y --no-install-recommends python3 python3-venv
    PYTHON="$(find_python)" || {
        echo "gradetape needs Python >= 3.11: choose Gradescope's Ubuntu 24.04 base image" >&2
        exit 1
    }
fi
# Debian and Ubuntu ship venv's pip bootstrap as a separate package (python3.X-venv).
if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    apt-get update
    apt-get install -y --no-install-recommends "$(basename "$PYTHON")-venv" ||
        apt-get install -y --no-install-recommends python3-venv
fi

"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-cache-dir \
    -c "$SOURCE/constraints.txt" "$SOURCE"
# Fail the image build, not the first student's submission, if the grader cannot start.
"$VENV/bin/python" -c "import autograder.cli, autograder.reports.gradescope"
echo "gradetape installed in $VENV with $("$VENV/bin/python" --version)"
