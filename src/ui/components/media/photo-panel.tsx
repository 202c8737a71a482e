import type { ChangeEvent } from 'react';
import { percentDone } from '../../format/words';
import { useMediaSender } from './media-sender';

/**
 * The carer's photo: chosen from the device (or taken with its camera, where the browser offers it).
 * The office checks it really is a picture, makes it the right size and takes out hidden details such
 * as where it was taken.
 */
export function PhotoPanel({ carerId, hasPhoto, onReady }: { carerId: string; hasPhoto: boolean; onReady: () => void }) {
  const sender = useMediaSender(carerId, 'photo', onReady);
  const busy = sender.step.kind === 'sending' || sender.step.kind === 'processing';
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void sender.send(file, file.name || 'photo.jpg');
  };
  return (
    <section className="card" aria-labelledby={`photo-${carerId}-title`}>
      <h3 id={`photo-${carerId}-title`}>Photo</h3>
      <p>{hasPhoto ? 'There is a photo on this profile. Choose another to replace it.' : 'There is no photo yet. A friendly face, in good light, looking at the camera.'}</p>
      {!busy && (
        <div className="field">
          <label htmlFor={`photo-${carerId}-file`}>{hasPhoto ? 'Choose a new photo' : 'Choose a photo'}</label>
          <input id={`photo-${carerId}-file`} type="file" accept="image/jpeg,image/png,image/webp,image/heic" onChange={choose} />
        </div>
      )}
      <div role="status">
        {sender.step.kind === 'sending' && `Sending the photo: ${percentDone(sender.step.fraction, 1)}%`}
        {sender.step.kind === 'processing' && 'Sent. The office is getting it ready…'}
        {sender.step.kind === 'done' && 'The photo is ready. It is on the profile now.'}
      </div>
      {sender.step.kind === 'failed' && (
        <p role="alert" className="error-summary">
          {sender.step.message}
        </p>
      )}
    </section>
  );
}
