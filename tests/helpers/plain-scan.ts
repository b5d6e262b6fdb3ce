import { defaultRulePack } from '../../src/detect/rules';

/** What a plain global scan of each list of the shipped pack finds: the reference the detector's indexed and filtered search must agree with. */
export function plainScan(text: string): [number, number][][] {
  return defaultRulePack().lists.map((list) => {
    const out: [number, number][] = [];
    const regex = new RegExp(list.scan.source, 'gu');
    let m: RegExpExecArray | null;
    while ((m = regex.exec(text)) !== null) out.push([m.index, m.index + m[0].length]);
    return out;
  });
}
