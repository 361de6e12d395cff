/** True only in the `--mode e2e` build, which carries the test hook. */
declare const __E2E__: boolean;

/** True in builds that ship the offline copy (sw.js); false in dev and with `npm run build -- --no-offline`. */
declare const __OFFLINE__: boolean;
