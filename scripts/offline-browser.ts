/**
 * For the scripts that measure the build in Chromium (bench, lighthouse): a resolver that knows
 * no host but the local server, so neither the page nor the browser nor a tool driving it can
 * reach another machine, whatever asks.
 */
export const OFFLINE_RESOLVER_RULES = 'MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';
