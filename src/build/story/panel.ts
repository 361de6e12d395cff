/**
 * The feature panel's entries: for each feature the story's `panel` lists, its names, area and
 * status sentence, read from the dataset's properties at build time, so the page carries a few
 * hundred bytes instead of the geometry. Pure: the caller reads the dataset.
 */
import type { PanelItem, PanelSpec } from '../../shared/story/types.ts';

interface Feature {
  properties?: Record<string, unknown> | null;
}

export type PanelResult = { ok: true; items: PanelItem[] } | { ok: false; problems: string[] };

/** Areas rounded for reading: whole km² from 100 up, one decimal below. */
export function formatArea(km2: number): string {
  const rounded = km2 >= 100 ? Math.round(km2) : Math.round(km2 * 10) / 10;
  return `${rounded.toLocaleString('en-GB')} km²`;
}

/** `status` with each `{property}` replaced by the feature's value, in words where `codes` has them. */
export function statusLine(
  status: string,
  properties: Record<string, unknown>,
  codes: Readonly<Record<string, string>>,
): { text: string } | { missing: string } {
  let missing: string | undefined;
  const text = status.replace(/\{([a-z0-9_]+)\}/g, (_, key: string) => {
    const value = properties[key];
    if (typeof value !== 'string' && typeof value !== 'number') {
      missing ??= key;
      return '';
    }
    return codes[String(value)] ?? String(value);
  });
  return missing === undefined ? { text } : { missing };
}

export function panelItems(spec: PanelSpec, features: readonly Feature[]): PanelResult {
  const byId = new Map<string, Record<string, unknown>>();
  for (const feature of features) {
    const id = feature.properties?.['id'];
    if (typeof id === 'string' && feature.properties) byId.set(id, feature.properties);
  }
  const problems: string[] = [];
  const items = spec.features.flatMap((id): PanelItem[] => {
    const p = byId.get(id);
    if (p === undefined) {
      problems.push(`"${id}" is not in ${spec.dataset}`);
      return [];
    }
    const text = (key: string): string | undefined =>
      typeof p[key] === 'string' && p[key].trim() !== '' ? p[key] : undefined;
    const name = text('name_en');
    if (name === undefined) {
      problems.push(`"${id}" has no name_en in ${spec.dataset}: the panel lists features by name`);
      return [];
    }
    let status: string | undefined;
    if (spec.status !== undefined) {
      const line = statusLine(spec.status, p, spec.codes);
      if ('missing' in line) problems.push(`"${id}" has no "${line.missing}" in ${spec.dataset}, which status names`);
      else status = line.text;
    }
    const area = typeof p['area_km2'] === 'number' ? formatArea(p['area_km2']) : undefined;
    const [nameJa, nameJaRomaji, nameRu] = [text('name_ja'), text('name_ja_romaji'), text('name_ru')];
    return [
      {
        id,
        name,
        ...(nameJa === undefined ? {} : { nameJa }),
        ...(nameJaRomaji === undefined ? {} : { nameJaRomaji }),
        ...(nameRu === undefined ? {} : { nameRu }),
        ...(area === undefined ? {} : { area }),
        ...(status === undefined ? {} : { status }),
      },
    ];
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, items };
}
