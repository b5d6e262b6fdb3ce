import { useEffect, useState } from 'preact/hooks';
import { getSettings, watchSettings, type Settings } from '../settings';

/** The stored settings, kept current when any page or the popup changes them; null while loading. */
export function useSettings(): [Settings | null, (next: Settings) => void] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    void getSettings().then((loaded) => alive && setSettings(loaded));
    const unwatch = watchSettings((changed) => alive && setSettings(changed));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return [settings, setSettings];
}
