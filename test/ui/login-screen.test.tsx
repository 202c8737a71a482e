import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getSession } from '../../src/local-db/queries';
import { renderAt } from '../support/render';

describe('signing in', () => {
  it('says so plainly when the password is wrong, and stays on the sign-in screen', async () => {
    const { user, world, router } = await renderAt('/login', { signedIn: false, visitsOnTablet: false });
    await user.type(await screen.findByLabelText('Email address'), 'organiser@demo.hearth.test');
    await user.type(screen.getByLabelText('Password'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(/email and password don't match/i);
    expect(router.state.location.pathname).toBe('/login');
    expect(await getSession(world.db)).toBeUndefined();
  });

  it('asks for the missing details next to the fields', async () => {
    const { user } = await renderAt('/login', { signedIn: false, visitsOnTablet: false });
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));

    expect(screen.getByLabelText('Email address')).toHaveAccessibleDescription(/enter your email address/i);
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password');
  });

  it('keeps the session and names the tablet, then shows the planned visits', async () => {
    const { user, world } = await renderAt('/login', { signedIn: false, visitsOnTablet: false });
    await user.type(await screen.findByLabelText('Email address'), 'organiser@demo.hearth.test');
    await user.type(screen.getByLabelText('Password'), world.office.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Planned visits' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: /hilda/i })).toBeInTheDocument();
    expect((await getSession(world.db))?.session.organisation.name).toBe(world.office.session.organisation.name);
    const device = await world.db.device.get('this');
    expect(device?.label.length).toBeGreaterThan(0);
  });

  it('says plainly that signing in needs a connection when the office cannot be reached', async () => {
    const { user, world } = await renderAt('/login', { signedIn: false, visitsOnTablet: false });
    world.office.online = false;
    await user.type(await screen.findByLabelText('Email address'), 'organiser@demo.hearth.test');
    await user.type(screen.getByLabelText('Password'), world.office.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(/signing in needs a connection/i);
  });

  it('sends someone with no session on the tablet to sign in', async () => {
    const { router } = await renderAt('/', { signedIn: false });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });
});
