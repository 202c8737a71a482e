import { useStoredFileUrl } from '../hooks/use-stored-file-url';

/** A photo kept on the tablet, shown from its Blob; the box keeps its size while it loads. */
export function StoredPhoto({ sha256, alt, className = 'photo' }: { sha256: string; alt: string; className?: string }) {
  const url = useStoredFileUrl(sha256);
  if (!url) {
    return (
      <div className={`${className} photo-missing`} role="img" aria-label={alt}>
        {url === null ? 'No photo' : null}
      </div>
    );
  }
  return <img className={className} src={url} alt={alt} />;
}
