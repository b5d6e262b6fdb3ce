import shipped from '../../src/detect/rules/default-pack.json';

/** The shipped pack with another version (and whatever `change` does): the raw JSON an NGO would sign. */
export function packWith(version: string, change: (pack: typeof shipped) => void = () => {}): Record<string, unknown> {
  const pack = structuredClone(shipped);
  pack.version = version;
  change(pack);
  return pack as unknown as Record<string, unknown>;
}
