/** Where a CLI command writes; tests pass collectors. */
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
}
