import { create } from 'zustand';
import type { Reaction, SupportUsed } from '../../domain/events';

export type CardsView = 'one-at-a-time' | 'everyone';

/**
 * Person mode's session-only UI state: which film is open, which card is showing, where the person
 * placed each carer, and what they used. Nothing here needs to survive a reload; the outcome itself
 * is in Dexie.
 */
interface PersonModeState {
  filmCarerId: string | null;
  /** The card to return focus to when the film closes, so a keyboard or switch user keeps their place. */
  returnFocusTo: string | null;
  view: CardsView;
  /** The other answers ("None of these", "Not sure yet", meet first) are open in place of the cards. */
  otherAnswersOpen: boolean;
  cardIndex: number;
  /** Where the person placed each carer. The app never tidies or clears these. */
  reactions: Record<string, Reaction>;
  /** Cards whose photo and film the person has asked to see (description first). */
  revealed: Record<string, true>;
  /** Supports the person actually used, beyond those the settings switch on. */
  used: SupportUsed[];
  openFilm: (carerId: string) => void;
  closeFilm: () => void;
  focusReturned: () => void;
  showCard: (index: number) => void;
  showEveryone: () => void;
  showOneAtATime: () => void;
  openOtherAnswers: () => void;
  closeOtherAnswers: () => void;
  react: (carerId: string, reaction: Reaction) => void;
  reveal: (carerId: string) => void;
  noteUsed: (support: SupportUsed) => void;
}

const initial = {
  filmCarerId: null,
  returnFocusTo: null,
  view: 'one-at-a-time' as CardsView,
  otherAnswersOpen: false,
  cardIndex: 0,
  reactions: {},
  revealed: {},
  used: [],
};

export const usePersonModeStore = create<PersonModeState>()((set, get) => ({
  ...initial,
  openFilm: (carerId) => set({ filmCarerId: carerId, returnFocusTo: null }),
  closeFilm: () => set({ filmCarerId: null, returnFocusTo: get().filmCarerId }),
  focusReturned: () => set({ returnFocusTo: null }),
  showCard: (index) => set({ cardIndex: index, view: 'one-at-a-time', otherAnswersOpen: false }),
  showEveryone: () => set({ view: 'everyone', otherAnswersOpen: false }),
  showOneAtATime: () => set({ view: 'one-at-a-time', otherAnswersOpen: false }),
  openOtherAnswers: () => set({ otherAnswersOpen: true }),
  closeOtherAnswers: () => set({ otherAnswersOpen: false }),
  react: (carerId, reaction) => set({ reactions: { ...get().reactions, [carerId]: reaction } }),
  reveal: (carerId) => set({ revealed: { ...get().revealed, [carerId]: true } }),
  noteUsed: (support) => {
    if (!get().used.includes(support)) set({ used: [...get().used, support] });
  },
}));

export function resetPersonModeStore(): void {
  usePersonModeStore.setState(initial);
}
