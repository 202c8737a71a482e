/**
 * Every word the person sees in person mode, in English. Easy read: sentences of 15 words or fewer,
 * one idea each, and the same word for the same thing ("choose", "film", "tablet").
 * Strings with names are functions. cy.ts has the same keys (the type makes sure).
 */
export const en = {
  lang: 'en',
  question: (person: string) => `Who would you like to support you, ${person}?`,
  intro: 'Here are the people who could support you. Take your time.',
  appreciatedHeading: 'What people appreciate about me',
  mattersHeading: 'What matters to me',
  showPhotoAndFilm: (carer: string) => `Show ${carer}'s photo and film`,
  photoOf: (carer: string) => `Photo of ${carer}`,
  watchFilm: (carer: string) => `Watch ${carer}'s film`,
  filmHeading: (carer: string) => `${carer}'s film`,
  playFilm: 'Play the film',
  pauseFilm: 'Pause the film',
  startAgain: 'Start again',
  closeFilm: 'Close film',
  filmMissing: 'This film is not on the tablet.',
  filmLoading: 'Getting the film ready…',
  listen: 'Listen',
  stopListening: 'Stop',
  scaleQuestion: (carer: string) => `What do you think of ${carer}?`,
  like: 'I like',
  notSure: 'Not sure',
  notForMe: 'Not for me',
  choose: (carer: string) => `Choose ${carer}`,
  holdToChoose: 'Hold your finger on a button to choose it.',
  scanHint: 'The light moves through the buttons. Tap anywhere to choose the lit one.',
  next: 'Next',
  back: 'Back',
  position: (n: number, total: number) => `Person ${n} of ${total}`,
  seeEveryone: 'See everyone',
  seeOneAtATime: 'See one at a time',
  seeAgain: (carer: string) => `See ${carer} again`,
  otherAnswers: 'Other answers',
  noneOfThese: 'None of these',
  noneOfTheseNote: 'It is fine if you would not like any of these people.',
  notSureYet: 'Not sure yet',
  meetFirst: "I'd like to meet someone first",
  meetFirstQuestion: 'Who would you like to meet first?',
  meetFirstDone: 'Meet them first',
  goBack: 'Go back',
  saving: 'Saving…',
  notSaved: 'Sorry, that was not saved. Please try again.',
  youChose: (carer: string) => `You chose ${carer}`,
  youSaidNone: 'You said none of these',
  youSaidNotSure: 'You said you are not sure yet',
  youWantToMeet: (carers: string[]) => `You would like to meet ${listNames(carers, 'and')} first`,
  saved: 'Thank you. This is saved on the tablet.',
  undo: 'Undo',
  giveBack: 'Give the tablet back',
  organiser: 'Organiser',
  opening: 'Opening…',
  notReady: 'This visit is not ready on this tablet yet',
};

export type PersonModeText = typeof en;

/** "Sam", "Sam and Grace", "Sam, Grace and Tom". */
export function listNames(names: string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}
