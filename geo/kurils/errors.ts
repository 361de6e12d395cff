/** A build failure that names where it happened, so a bad input is fixed at its source. */
export class PipelineError extends Error {
  constructor(
    readonly file: string,
    readonly feature: string,
    readonly reason: string,
  ) {
    super(`${file}: ${feature}: ${reason}`);
    this.name = 'PipelineError';
  }
}

/** Several problems at once: fixing them one build at a time is slow. */
export class PipelineErrors extends Error {
  constructor(readonly errors: readonly PipelineError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'PipelineErrors';
  }
}

export function throwIfAny(errors: readonly PipelineError[]): void {
  if (errors.length > 0) throw new PipelineErrors(errors);
}
