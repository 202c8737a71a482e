import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listOutbox } from '../../src/local-db/queries';
import type { HearthDatabase } from '../../src/local-db/database';
import { objectUrls, renderAt, TEST_DEVICE_LABEL } from '../support/render';

const QUESTION = 'Who would you like to support you, Hilda?';

async function openPersonMode() {
  const rendered = await renderAt('/', { packReady: true });
  await rendered.router.navigate(`/person/${rendered.world.visitId}`);
  await screen.findByRole('heading', { level: 1, name: QUESTION });
  return rendered;
}

/** Reads Dexie at the very moment `text` first appears on screen. */
function readDexieWhenShown(db: HearthDatabase, text: string) {
  return new Promise<{ outcomes: number; outbox: number }>((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.body.textContent?.includes(text)) return;
      observer.disconnect();
      void Promise.all([db.outcomes.count(), db.outbox.count()]).then(([outcomes, outbox]) => resolve({ outcomes, outbox }));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

describe('person mode', () => {
  it('shows one card per candidate, each with name, photo, what people appreciate, three things that matter and a film', async () => {
    const { world } = await openPersonMode();
    const cards = screen.getAllByRole('article');
    expect(cards).toHaveLength(3);
    world.pack.candidates.forEach((carer, i) => {
      const card = within(cards[i]!);
      expect(card.getByRole('heading', { level: 2, name: carer.firstName })).toBeInTheDocument();
      expect(card.getByRole('img', { name: `Photo of ${carer.firstName}` })).toBeInTheDocument();
      expect(card.getByRole('heading', { name: 'What people appreciate about me' })).toBeInTheDocument();
      for (const item of carer.appreciated) expect(card.getByText(item)).toBeInTheDocument();
      expect(card.getByRole('heading', { name: 'What matters to me' })).toBeInTheDocument();
      expect(carer.mattersToMe).toHaveLength(3);
      for (const item of carer.mattersToMe) expect(card.getByText(item)).toBeInTheDocument();
      expect(card.getByRole('button', { name: `Watch ${carer.firstName}'s film` })).toBeInTheDocument();
      expect(card.getByRole('button', { name: `Choose ${carer.firstName}` })).toBeInTheDocument();
    });
    expect(screen.getByRole('button', { name: 'None of these' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('has no navigation, no links to organiser screens and no sync bar', async () => {
    await openPersonMode();
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /sync now|sign out|update now/i })).not.toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
  });

  it('goes through the cards in reading order by keyboard', async () => {
    const { user } = await openPersonMode();
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await user.tab();
      order.push(document.activeElement?.textContent ?? '');
    }
    expect(order).toEqual([
      "Watch Sam's film",
      'Choose Sam',
      "Watch Grace's film",
      'Choose Grace',
      "Watch Tom's film",
      'Choose Tom',
      'None of these',
    ]);
  });

  it('plays a film large, and closing it lets go of the film and returns to the same card', async () => {
    const { user } = await openPersonMode();
    await user.click(screen.getByRole('button', { name: "Watch Sam's film" }));

    expect(await screen.findByRole('heading', { level: 1, name: "Sam's film" })).toBeInTheDocument();
    const video = await waitFor(() => {
      const found = document.querySelector('video');
      expect(found?.getAttribute('src')).toMatch(/^blob:/);
      return found!;
    });
    expect(video).toHaveAttribute('controls');
    expect(video).toHaveAttribute('playsinline');
    expect(video).toHaveAttribute('autoplay');
    expect(screen.getByRole('button', { name: /play the film|pause the film/i })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start again' })).toBeInTheDocument();
    const filmUrl = video.getAttribute('src')!;

    await user.click(screen.getByRole('button', { name: 'Close film' }));
    expect(await screen.findByRole('heading', { level: 1, name: QUESTION })).toBeInTheDocument();
    expect(objectUrls.revoked).toContain(filmUrl);
    await waitFor(() => expect(screen.getByRole('button', { name: "Watch Sam's film" })).toHaveFocus());
  });

  it('shows "You chose Sam" only once the outcome and its outbox row are both saved', async () => {
    const { world, user, router } = await openPersonMode();
    const atConfirmation = readDexieWhenShown(world.db, 'You chose Sam');
    await user.click(screen.getByRole('button', { name: 'Choose Sam' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'You chose Sam' })).toBeInTheDocument();
    expect(await atConfirmation).toEqual({ outcomes: 1, outbox: 1 });
    const sam = world.pack.candidates[0]!;
    expect(await world.db.outcomes.get(world.visitId)).toMatchObject({ outcome: 'chosen', chosenCarerId: sam.id });
    const [queued] = await listOutbox(world.db);
    expect(queued?.event.payload).toEqual({
      outcome: 'chosen',
      chosenCarerId: sam.id,
      orderShown: world.pack.candidates.map((c) => c.id),
    });
    expect(screen.getByRole('img', { name: 'Photo of Sam' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Give the tablet back' }));
    expect(await screen.findByText('Hilda chose Sam — waiting to be sent')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/visits/${world.visitId}`);
  });

  it('"None of these" records that outcome', async () => {
    const { world, user } = await openPersonMode();
    await user.click(screen.getByRole('button', { name: 'None of these' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'You said none of these' })).toBeInTheDocument();
    expect(await world.db.outcomes.get(world.visitId)).toMatchObject({ outcome: 'none-of-these', chosenCarerId: null });
    expect((await listOutbox(world.db))[0]?.event).toMatchObject({ type: 'OutcomeRecorded', payload: { outcome: 'none-of-these' } });
  });

  it('says plainly when a choice could not be saved, shows nothing as saved, and lets them try again', async () => {
    const { world, user } = await openPersonMode();
    const device = (await world.db.device.get('this'))!;
    await world.db.device.delete('this'); // recordOutcome refuses without a device: the save fails

    await user.click(screen.getByRole('button', { name: 'Choose Grace' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/not saved\. please try again/i);
    expect(screen.queryByText(/you chose/i)).not.toBeInTheDocument();
    expect(await world.db.outcomes.count()).toBe(0);
    expect(await world.db.outbox.count()).toBe(0);

    await world.db.device.put({ ...device, label: TEST_DEVICE_LABEL });
    await user.click(screen.getByRole('button', { name: 'Choose Grace' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'You chose Grace' })).toBeInTheDocument();
    expect(await world.db.outbox.count()).toBe(1);
  });

  it('says the visit is not ready when its pack is not on the tablet, with a way back', async () => {
    const { world, user, router } = await renderAt('/');
    await router.navigate(`/person/${world.visitId}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'This visit is not ready on this tablet yet' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Go back' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Visit to Hilda' })).toBeInTheDocument();
  });
});
