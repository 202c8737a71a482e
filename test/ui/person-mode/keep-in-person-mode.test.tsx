import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { handedOverVisitId, markHandedOver } from '../../../src/ui/person-mode/handed-over';
import { giveTabletBack, openPersonMode, ORGANISER_PIN, QUESTION } from '../../support/person-mode';
import { makeWorld, renderApp, type World } from '../../support/render';

/** Settles the effect that records the hand-over (it runs just after the first paint). */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

/**
 * The app started afresh at `path`, over the same tablet database: what a typed address, a reload, a
 * Back step into another document, a second tab or a relaunch of the home-screen app all do.
 */
async function startAfresh(world: World, path: string) {
  cleanup();
  const rendered = renderApp(world, path);
  await screen.findByRole('heading', { level: 1 });
  return rendered;
}

/** Fails the test if an organiser screen is rendered at any moment, even for one frame before a redirect. */
function watchForOrganiserScreens(): { seen: string[] } {
  const seen: string[] = [];
  const observer = new MutationObserver(() => {
    const text = document.body.textContent ?? '';
    for (const marker of ['Planned visits', 'Sign out', 'Care workers', 'Sign in']) if (text.includes(marker)) seen.push(marker);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return { seen };
}

describe('once handed over, the app comes back to person mode wherever it starts', () => {
  it('every organiser address, the sign-in page and another visit’s person mode all lead back to it, with nothing of the office shown', async () => {
    const { world } = await openPersonMode();
    await settle();
    expect(handedOverVisitId(world.db)).toBe(world.visitId);

    for (const path of ['/', `/visits/${world.visitId}`, '/people', '/care-workers', '/office', '/tablet', '/login', '/no-such-page', '/person/another-visit']) {
      cleanup();
      const watch = watchForOrganiserScreens();
      const { router } = renderApp(world, path);
      expect(await screen.findByRole('heading', { level: 1, name: QUESTION })).toBeInTheDocument();
      expect(router.state.location.pathname, path).toBe(`/person/${world.visitId}`);
      expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
      expect(watch.seen, path).toEqual([]);
    }
  });

  it('after the organiser’s PIN ends person mode, the app starts at the organiser screens again', async () => {
    const { world, user } = await openPersonMode();
    await settle();
    await user.click(screen.getByRole('button', { name: 'Choose Sam' }));
    await giveTabletBack(user);
    expect(handedOverVisitId(world.db)).toBeNull();
    const { router } = await startAfresh(world, '/');
    expect(screen.getByRole('heading', { level: 1, name: 'Planned visits' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('leaving by the Organiser button and the PIN ends it too', async () => {
    const { world, user } = await openPersonMode();
    await settle();
    await user.click(screen.getByRole('button', { name: 'Organiser' }));
    await user.type(screen.getByLabelText('PIN'), ORGANISER_PIN);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Visit to Hilda' })).toBeInTheDocument();
    expect(handedOverVisitId(world.db)).toBeNull();
  });

  it('a wrong PIN leaves it in place', async () => {
    const { world, user } = await openPersonMode();
    await settle();
    await user.click(screen.getByRole('button', { name: 'Organiser' }));
    await user.type(screen.getByLabelText('PIN'), '1111');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That PIN is not right');
    expect(handedOverVisitId(world.db)).toBe(world.visitId);
    await startAfresh(world, '/');
    expect(screen.getByRole('heading', { level: 1, name: QUESTION })).toBeInTheDocument();
  });

  it('is not held while the organiser is still setting the PIN (the organiser has the tablet)', async () => {
    const { world } = await openPersonMode({ organiserPin: null, heading: 'Set your PIN before you hand over' });
    await settle();
    expect(handedOverVisitId(world.db)).toBeNull();
  });

  it('when the handed-over visit is no longer on the tablet, "Go back" lets the organiser out to sign in', async () => {
    const world = await makeWorld({ packReady: false });
    markHandedOver(world.db, world.visitId);
    const { router, user } = renderApp(world, '/people');
    expect(await screen.findByRole('heading', { level: 1, name: 'This visit is not ready on this tablet yet' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/person/${world.visitId}`);
    await user.click(screen.getByRole('button', { name: 'Go back' }));
    expect(handedOverVisitId(world.db)).toBeNull();
    expect(await screen.findByRole('heading', { level: 1, name: 'Visit to Hilda' })).toBeInTheDocument();
  });

  it('each tablet database has its own record', async () => {
    const { world } = await openPersonMode();
    await settle();
    const other = await makeWorld();
    expect(handedOverVisitId(world.db)).toBe(world.visitId);
    expect(handedOverVisitId(other.db)).toBeNull();
  });
});

describe('person mode offers the browser nothing to open', () => {
  it('refuses the context menu (right click, long press) and dragging anything out', async () => {
    await openPersonMode();
    const heading = screen.getByRole('heading', { level: 1, name: QUESTION });
    // fireEvent returns false when the page called preventDefault: the browser shows no menu.
    expect(fireEvent.contextMenu(heading)).toBe(false);
    expect(fireEvent.dragStart(heading)).toBe(false);
    expect(fireEvent.contextMenu(screen.getByRole('button', { name: 'Organiser' }))).toBe(false);
  });

  it('in the PIN dialog too', async () => {
    const { user } = await openPersonMode();
    await user.click(screen.getByRole('button', { name: 'Organiser' }));
    expect(fireEvent.contextMenu(screen.getByLabelText('PIN'))).toBe(false);
  });
});
