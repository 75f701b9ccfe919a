#!/usr/bin/env bash
# Installs what Dagsorden needs from Debian's packages, if missing:
#   scripts/install-prerequisites.sh          Chromium (prints PDFs) and the Liberation fonts the documents use
#   scripts/install-prerequisites.sh --tests  also LibreOffice Writer (the DOCX test opens our Word files with it)
#                                             and poppler-utils (pdftoppm, for page images)
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -q LiberationSans || missing+=(fonts-liberation)
if [ "${1:-}" = "--tests" ]; then
  command -v libreoffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian's packages: ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
