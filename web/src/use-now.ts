/** The current time, ticking every `everyMs` (undefined: it does not tick). */
import { useEffect, useState } from 'react';

export function useNow(everyMs: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!everyMs) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return everyMs ? now : Date.now();
}
