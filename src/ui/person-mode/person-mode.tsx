import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type SyntheticEvent } from 'react';
import { useNavigate } from 'react-router';
import type { VisitPack } from '../../domain/visits';
import { hasOrganiserPin } from '../../local-db/organiser-pin';
import { useAppServices } from '../app';
import { visitPath } from '../paths';
import { Choosing } from './choosing';
import { HowDecidedForm } from './organiser/how-decided-form';
import { PinPrompt } from './organiser/pin-prompt';
import { SetPinForm } from './organiser/set-pin-form';
import { PersonModeProvider, usePersonMode, type ResolvedSettings } from './person-mode-context';
import { usePersonModeSettings } from './use-person-mode-settings';
import { useScanning } from './use-scanning';
import { useStayInPersonMode } from './use-stay-in-person-mode';

/**
 * No browser menu from a right click or long press ("Open in new tab", "Back", "Save image") and nothing
 * dragged out to the tab bar: in person mode the page itself is the only thing to press.
 */
const refuse = (event: SyntheticEvent) => event.preventDefault();
const noBrowserMenus = { onContextMenu: refuse, onDragStart: refuse };

type Phase =
  | { kind: 'set-pin' }
  | { kind: 'person'; unlocking: null | 'leave' | 'give-back' }
  | { kind: 'how-decided' };

/**
 * Person mode for one visit, from hand-over to hand-back: the organiser sets a PIN the first time,
 * the person decides, and only the PIN leads out (to "How was this decided?" after "Give the tablet
 * back", or straight to the visit from the "Organiser" corner button).
 */
export function PersonMode({ pack }: { pack: VisitPack }) {
  const settings = usePersonModeSettings(pack);
  const { db } = useAppServices();
  const pinSet = useLiveQuery(() => hasOrganiserPin(db), [db]);
  if (settings === undefined || pinSet === undefined) return null;
  return (
    <PersonModeProvider settings={settings}>
      <PersonModeShell pack={pack} settings={settings} pinSet={pinSet} />
    </PersonModeProvider>
  );
}

function PersonModeShell({ pack, settings, pinSet }: { pack: VisitPack; settings: ResolvedSettings; pinSet: boolean }) {
  const { now } = useAppServices();
  const { text } = usePersonMode();
  const navigate = useNavigate();
  const [phase, setPhase] = useState<Phase>(pinSet ? { kind: 'person', unlocking: null } : { kind: 'set-pin' });
  const { leave } = useStayInPersonMode(pack.visit.id, phase.kind !== 'set-pin');
  const [handedOverAt, setHandedOverAt] = useState(() => now());
  const unlocking = phase.kind === 'person' ? phase.unlocking : null;
  const scanning = useScanning(settings.selection === 'scan' && phase.kind === 'person' && unlocking === null, {
    intervalMs: settings.scanIntervalMs,
    speak: settings.scanSpeak ?? false,
    language: settings.language,
  });
  const backToVisit = () => leave(() => navigate(visitPath(pack.visit.id)));

  const classes = [
    'person-mode',
    `text-${settings.textSize}`,
    settings.highContrast ? 'high-contrast' : '',
    settings.reducedMotion ? 'reduced-motion' : '',
    settings.selection === 'scan' ? 'scanning' : '',
  ].join(' ');

  if (phase.kind === 'set-pin') {
    return (
      <div className="person-mode organiser-step" {...noBrowserMenus}>
        <main id="main" className="person-main">
          <SetPinForm
            personFirstName={pack.person.firstName}
            onSet={() => {
              setHandedOverAt(now());
              setPhase({ kind: 'person', unlocking: null });
            }}
          />
        </main>
      </div>
    );
  }
  if (phase.kind === 'how-decided') {
    return (
      <div className="person-mode organiser-step" {...noBrowserMenus}>
        <main id="main" className="person-main">
          <HowDecidedForm visitId={pack.visit.id} personFirstName={pack.person.firstName} onDone={backToVisit} />
        </main>
      </div>
    );
  }

  return (
    <div className={classes} lang={settings.language} {...noBrowserMenus}>
      {/* inert while the PIN is asked: the person's screen stays exactly as it was underneath. */}
      <main id="main" className="person-main" ref={scanning.root} inert={unlocking !== null}>
        <Choosing pack={pack} handedOverAt={handedOverAt} onGiveBack={() => setPhase({ kind: 'person', unlocking: 'give-back' })} />
        <div role="status" className="scan-paused">
          {scanning.paused && <p>{text.scanPaused}</p>}
        </div>
        {/* Last in reading order, in a corner: small enough to pass over, never smaller than 64px. A plain
            press always (no dwell), and left out of scanning, so only the organiser uses it. */}
        <div className="organiser-corner" data-scan-skip="">
          <button type="button" className="button secondary organiser-button" data-scan-skip="" onClick={() => setPhase({ kind: 'person', unlocking: 'leave' })}>
            {text.organiser}
          </button>
        </div>
      </main>
      {unlocking && (
        <PinPrompt
          purpose={unlocking}
          onCancel={() => setPhase({ kind: 'person', unlocking: null })}
          onRight={() => (unlocking === 'leave' ? backToVisit() : setPhase({ kind: 'how-decided' }))}
        />
      )}
    </div>
  );
}
