/** One problem in a story file, located precisely enough to jump to it from the terminal. */
export interface StoryError {
  readonly file: string;
  /** 1-based line in the story file. */
  readonly line: number;
  /** 1-based column, only where the line alone is not precise enough (a bad byte). */
  readonly column?: number;
  readonly stepId?: string;
  /** Dotted path inside the step or front matter, e.g. `camera.center[1]`. */
  readonly field?: string;
  readonly message: string;
}

/** `story/my-story/story.md:42: step "opening": camera.zoom: 30 is out of range — allowed 0 to 20` */
export function formatError(error: StoryError): string {
  const step = error.stepId === undefined ? '' : `step "${error.stepId}": `;
  const field = error.field === undefined ? '' : `${error.field}: `;
  const column = error.column === undefined ? '' : `:${error.column}`;
  return `${error.file}:${error.line}${column}: ${step}${field}${error.message}`;
}

export function formatErrors(errors: readonly StoryError[]): string {
  return errors.map(formatError).join('\n');
}

/** Errors in file order, so the first one printed is the first one to fix. */
export function sortErrors(errors: readonly StoryError[]): StoryError[] {
  return [...errors].sort((a, b) => a.line - b.line);
}

/** `['camera', 'center', 1]` → `camera.center[1]` */
export function fieldPath(path: readonly (string | number)[]): string | undefined {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out === '' ? undefined : out;
}

/** A StoryError before the file name is attached (the pure stages don't need to know it). */
export type Problem = Omit<StoryError, 'file'>;
