#!/usr/bin/env bash
# Install Debian's Chromium (and its driver) for the browser test, when missing.
# Quiet, and never fatal here: without a browser tests/test_browser.py skips, or fails under CI=true.
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else SUDO=""; fi
export DEBIAN_FRONTEND=noninteractive
{ $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-liberation; } \
  >/dev/null 2>&1 || echo "setup-browser: could not install chromium; the browser test will be skipped" >&2
exit 0
