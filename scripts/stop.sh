#!/usr/bin/env bash
# Stops everything scripts/setup-and-start.sh started (PostgreSQL, a system service, keeps running).
set -euo pipefail
source "$(dirname "$0")/lib/services.sh"
stop_all_services
log "all services stopped"
