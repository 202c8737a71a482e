import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { saveSession } from '../../src/local-db/queries';
import { makeCarerProfileView, makeCareWorkerSession } from '../support/factories';
import { FakeMediaUploader } from '../support/fake-media-uploader';
import { makeWorld, renderApp, TEST_NOW } from '../support/render';

async function mediaWorld() {
  const world = await makeWorld({ visitsOnTablet: false });
  const sam = makeCarerProfileView({ film: null, poster: null });
  world.office.carerProfiles.set(sam.id, sam);
  world.office.session = makeCareWorkerSession(sam.id);
  await saveSession(world.db, world.office.session, TEST_NOW);
  const media = new FakeMediaUploader();
  media.onDone = ({ carerId, kind }) => {
    const view = world.office.carerProfiles.get(carerId)!;
    if (kind === 'film') world.office.carerProfiles.set(carerId, { ...view, film: 'f'.repeat(64), blockers: [] });
  };
  world.services.media = media;
  return { world, sam, media };
}

const filmFile = () => new File([new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112])], 'me.mp4', { type: 'video/mp4' });

describe('photo, film and captions on a profile', () => {
  it('sends a chosen film after previewing it, shows its progress, and the profile then has its film', async () => {
    const { world, sam, media } = await mediaWorld();
    const { user } = renderApp(world, '/my-profile');
    expect(await screen.findByText(/your profile cannot be shown to anyone yet: no film yet/i)).toBeInTheDocument();
    const film = screen.getByRole('region', { name: /film: introduce yourself in one minute/i });
    // jsdom has no camera: the file is the way in (in Chromium the Record button is tested end to end).
    await user.upload(within(film).getByLabelText('Choose a film file'), filmFile());
    expect(within(film).getByLabelText('Your film, to watch before sending')).toBeInTheDocument();
    await user.click(within(film).getByRole('button', { name: 'Send this film' }));
    expect(await within(film).findByText('Your film is ready. It is on your profile now.')).toBeInTheDocument();
    expect(media.sent).toEqual([{ carerId: sam.id, kind: 'film', filename: 'film.mp4', bytes: 8, type: 'video/mp4' }]);
    expect(await screen.findByText('Your profile can be shown to people choosing a carer.')).toBeInTheDocument();
  });

  it('says plainly when the office refuses a file, or cannot be reached, and sends nothing else', async () => {
    const { world, media } = await mediaWorld();
    media.refuse = { code: 'invalid-file', message: 'This file is not a film Hearth can play: it is text. Choose the film itself.' };
    const { user } = renderApp(world, '/my-profile');
    const film = await screen.findByRole('region', { name: /film: introduce yourself/i });
    await user.upload(within(film).getByLabelText('Choose a film file'), filmFile());
    await user.click(within(film).getByRole('button', { name: 'Send this film' }));
    expect(await within(film).findByRole('alert')).toHaveTextContent('Not taken: This file is not a film Hearth can play: it is text. Choose the film itself.');

    media.refuse = null;
    media.online = false;
    const photo = screen.getByRole('region', { name: 'Photo' });
    await user.upload(within(photo).getByLabelText('Choose a new photo'), new File(['x'], 'me.jpg', { type: 'image/jpeg' }));
    expect(await within(photo).findByRole('alert')).toHaveTextContent(/not sent: the office could not be reached/i);
    expect(media.sent.map((s) => s.kind)).toEqual(['film']);
  });

  it('checks typed captions line by line before saving them', async () => {
    const { world, sam } = await mediaWorld();
    const { user } = renderApp(world, '/my-profile');
    const captions = await screen.findByRole('textbox', { name: 'Captions: what you say in your film' });
    await user.type(captions, 'Hello{Enter}0:04 I love old films');
    await user.click(screen.getByRole('button', { name: 'Save the captions' }));
    expect(captions).toHaveAccessibleDescription(/line 1: start it with the time it is said, like 0:15, then the words\./i);
    expect(world.office.captions.get(sam.id)).toBeUndefined();

    await user.clear(captions);
    await user.type(captions, "0:00 Hello, I'm Sam{Enter}0:04 I love old films");
    await user.click(screen.getByRole('button', { name: 'Save the captions' }));
    expect(await screen.findByText('Captions saved: 2 lines.')).toBeInTheDocument();
    expect(world.office.captions.get(sam.id)).toBe("0:00 Hello, I'm Sam\n0:04 I love old films");
  });
});
