/** True only in the `--mode e2e` build, which carries the test hook. */
declare const __E2E__: boolean;
