// Forwarding only: config loading lives in config/load-config.ts. This module stays
// while lsp/server.ts (reworked on another branch at the same time) still imports it
// from here; once that branch is merged and its imports point at config/, delete it.
// The architecture test lets nothing else import it.
export { clearConfigCache, CONFIG_NAMES, isFile, type ResolvedConfig } from '../config/load-config';
