#!/bin/bash
# Runs one test program inside a private D-Bus session with a fresh, unlocked gnome-keyring
# (TOOLCHAIN.md, "QtKeychain in CI"), so keychain tests use a real Secret Service and never touch
# the developer's own keyring. Fresh XDG_RUNTIME_DIR, XDG_DATA_HOME and XDG_CONFIG_HOME per run:
# a reused keyring would be locked (QtKeychain error 4) or prompt forever.
#
# usage: run_with_keyring.sh TEST_PROGRAM [ARGS...]
# When dbus-run-session or gnome-keyring-daemon is missing, the program runs without them and
# HOGA_NO_KEYRING_REASON tells it why, so that it can skip with that reason. HOGA_PRIVATE_KEYRING=1
# tells it that the keyring is this throwaway one (the tests may then use the real service name).
set -u
program="$1"
shift

missing=""
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
    echo "run_with_keyring.sh: not installed:$missing; running without a Secret Service" >&2
    export HOGA_NO_KEYRING_REASON="not installed:$missing"
    exec "$program" "$@"
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -m 700 "$scratch/runtime" "$scratch/data" "$scratch/config"
export XDG_RUNTIME_DIR="$scratch/runtime" XDG_DATA_HOME="$scratch/data"
export XDG_CONFIG_HOME="$scratch/config"
# The keyring's password only guards this throwaway keyring, created and unlocked right here.
# dbus-run-session returns the program's exit code and stops the daemon with the session.
export HOGA_PRIVATE_KEYRING=1
dbus-run-session -- bash -c '
    printf %s hoga-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null ||
        export HOGA_NO_KEYRING_REASON="gnome-keyring-daemon did not start"
    exec "$@"' run_with_keyring "$program" "$@"
