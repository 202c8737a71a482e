import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getFile } from '../../local-db/queries';
import { useAppServices } from '../app';

/**
 * An object URL for a file stored on the tablet (a photo or a film), made from its Blob and revoked
 * when the component unmounts, so films never pile up in memory. Undefined until it is ready,
 * null if the file is not on the tablet (or there is none).
 */
export function useStoredFileUrl(sha256: string | undefined): string | null | undefined {
  const { db } = useAppServices();
  const file = useLiveQuery(async () => (sha256 === undefined ? null : ((await getFile(db, sha256)) ?? null)), [db, sha256]);
  const blob = file === undefined ? undefined : (file?.blob ?? null);
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (blob === undefined) return;
    if (blob === null) {
      setUrl(null);
      return;
    }
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url;
}
