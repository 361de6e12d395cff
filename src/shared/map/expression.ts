/**
 * Evaluates the MapLibre style expressions the live style uses (src/shared/map/style.ts and the step
 * filters from state.ts) for one feature, so the static map reads colours, widths, filters and
 * label text from the same layer specs instead of a copy. Only the operators the style uses are
 * supported: a new one fails by name here rather than drawing something different from the map.
 */

/** What MapLibre's `geometry-type` returns: Multi* geometries report their single form. */
export type SimpleGeometryType = 'Point' | 'LineString' | 'Polygon';

export interface ExpressionContext {
  properties: Readonly<Record<string, unknown>>;
  geometryType: SimpleGeometryType;
  zoom: number;
  /** 0–1 along a line, for `line-gradient`. */
  lineProgress?: number;
}

/** An expression is an array whose head is an operator name; `[3, 1.5]` (a dash array) is a value. */
export function isExpression(value: unknown): value is [string, ...unknown[]] {
  return Array.isArray(value) && typeof value[0] === 'string';
}

export function evaluate(value: unknown, context: ExpressionContext): unknown {
  if (!isExpression(value)) return value;
  const [op, ...args] = value;
  const arg = (i: number): unknown => evaluate(args[i], context);
  const number = (i: number): number => Number(arg(i));
  switch (op) {
    case 'literal':
      return args[0];
    case 'get':
      return context.properties[String(arg(0))] ?? null;
    case 'has':
      return Object.hasOwn(context.properties, String(arg(0)));
    case 'geometry-type':
      return context.geometryType;
    case 'zoom':
      return context.zoom;
    case 'line-progress':
      return context.lineProgress ?? 0;
    case '==':
      return arg(0) === arg(1);
    case '!=':
      return arg(0) !== arg(1);
    case '<':
      return number(0) < number(1);
    case '<=':
      return number(0) <= number(1);
    case '>':
      return number(0) > number(1);
    case '>=':
      return number(0) >= number(1);
    case '!':
      return arg(0) !== true;
    case 'all':
      return args.every((_, i) => arg(i) === true);
    case 'any':
      return args.some((_, i) => arg(i) === true);
    case 'in': {
      const haystack = arg(1);
      const needle = arg(0);
      return Array.isArray(haystack) ? haystack.includes(needle) : String(haystack).includes(String(needle));
    }
    case 'coalesce':
      for (let i = 0; i < args.length; i++) {
        const result = arg(i);
        if (result !== null && result !== undefined) return result;
      }
      return null;
    case 'concat':
      return args.map((_, i) => String(arg(i) ?? '')).join('');
    case 'case':
      for (let i = 0; i + 1 < args.length; i += 2) if (arg(i) === true) return arg(i + 1);
      return arg(args.length - 1);
    case 'match': {
      const input = arg(0);
      for (let i = 1; i + 1 < args.length; i += 2) {
        const labels = args[i];
        if (Array.isArray(labels) ? labels.includes(input) : labels === input) return arg(i + 1);
      }
      return arg(args.length - 1);
    }
    case 'step': {
      const input = number(0);
      let output = arg(1);
      for (let i = 2; i + 1 < args.length && input >= number(i); i += 2) output = arg(i + 1);
      return output;
    }
    case 'interpolate':
      return interpolateLinear(args, context);
    default:
      throw new Error(`static map: the style uses the expression "${op}", which the static renderer does not support`);
  }
}

/** `['interpolate', ['linear'], input, stop, value, ...]` on numbers, clamped at both ends. */
function interpolateLinear(args: unknown[], context: ExpressionContext): number {
  const [kind, input, ...stops] = args;
  if (!isExpression(kind) || kind[0] !== 'linear') {
    throw new Error(`static map: only linear interpolation is supported, not ${JSON.stringify(kind)}`);
  }
  const x = Number(evaluate(input, context));
  const points: Array<[number, number]> = [];
  for (let i = 0; i + 1 < stops.length; i += 2) {
    points.push([Number(stops[i]), Number(evaluate(stops[i + 1], context))]);
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) throw new Error('static map: interpolate without stops');
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  const upper = points.findIndex(([stop]) => stop >= x);
  const [x0, y0] = points[upper - 1] ?? first;
  const [x1, y1] = points[upper] ?? last;
  return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}
