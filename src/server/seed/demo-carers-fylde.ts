import { EVERY_DAY, MON_TO_SAT, WEEKDAYS, weekly } from '../matching/matching-facts';
import type { DemoCarer } from './demo-data';

/** Demo care workers on the Fylde coast: Blackpool, Bispham, Cleveleys, Poulton-le-Fylde and Lytham St Annes. */
export const FYLDE_CARERS: DemoCarer[] = [
  {
    firstName: 'Sam',
    appreciated: [
      'Calm and unhurried in the mornings.',
      'Will happily talk about old films for as long as you like.',
      'Notices the little things, like when the tea has gone cold.',
    ],
    mattersToMe: ['Giving people time, not rushing them', 'Sunday lunch with my mum', 'Doing what I said I would do'],
    interests: ['old movies', 'Cary Grant', 'crosswords', 'walking by the sea'],
    qualities: ['calm', 'patient', 'great listener'],
    matching: {
      gender: 'man',
      availability: weekly('07:00', '12:00', WEEKDAYS),
      base: { lat: 53.876, lon: -3.043 }, // Cleveleys
      travelKm: 10,
      drives: true,
      skills: ['medication prompt', 'personal care', 'dementia care'],
      languages: ['English'],
    },
  },
  {
    firstName: 'Tom',
    appreciated: [
      'Steady and patient: explains things one step at a time.',
      'Keeps everything neat and in its place.',
      'Good with pictures and lists when words are hard.',
    ],
    mattersToMe: ['People doing things for themselves', 'Keeping fit', 'My dog, Biscuit'],
    interests: ['football', 'cooking', 'dogs', 'board games'],
    qualities: ['patient', 'organised', 'calm'],
    matching: {
      gender: 'man',
      availability: weekly('08:00', '18:00', EVERY_DAY),
      base: { lat: 53.847, lon: -2.993 }, // Poulton-le-Fylde
      travelKm: 15,
      drives: true,
      skills: ['medication prompt', 'personal care', 'cooking support', 'learning disability support'],
      languages: ['English'],
    },
  },
  {
    firstName: 'Grace',
    appreciated: [
      'Sings while she works, softly, if you would like her to.',
      'Gentle hands and a warm voice.',
      'Makes a morning feel less of a struggle.',
    ],
    mattersToMe: ['My church choir', 'Being there when I am needed', 'My grandmother, who taught me to sing'],
    interests: ['singing', 'choir', 'Vera Lynn', 'wartime songs', 'knitting'],
    qualities: ['gentle', 'kind', 'calm'],
    matching: {
      gender: 'woman',
      availability: weekly('07:00', '14:00', MON_TO_SAT),
      base: { lat: 53.8175, lon: -3.0357 }, // Blackpool
      travelKm: 12,
      drives: true,
      skills: ['medication prompt', 'personal care', 'dementia care'],
      languages: ['English'],
    },
  },
  {
    firstName: 'Megan',
    appreciated: [
      'Bright and lively: the house feels brighter when she comes in.',
      'Loves a good natter about the old days.',
      'Always up for a game of cards.',
    ],
    mattersToMe: ['Laughing every day', 'My nan, who I used to care for', 'Being outdoors'],
    interests: ['card games', 'dancing', 'the seaside', 'soap operas'],
    qualities: ['lively', 'fun', 'chatty'],
    matching: {
      gender: 'woman',
      availability: weekly('07:00', '15:00', WEEKDAYS),
      base: { lat: 53.79, lon: -3.045 }, // South Shore, Blackpool
      travelKm: 10,
      drives: true,
      skills: ['medication prompt', 'personal care', 'cooking support'],
      languages: ['English'],
    },
  },
  {
    firstName: 'Dan',
    appreciated: [
      'Loves cooking and will cook with you, not for you.',
      'Patient, and clear when he speaks.',
      'Takes time to understand what you are saying.',
    ],
    mattersToMe: ['Good food, cooked from scratch', 'People being independent', 'My allotment'],
    interests: ['cooking', 'baking bread', 'growing vegetables', 'football'],
    qualities: ['patient', 'kind', 'organised'],
    matching: {
      gender: 'man',
      availability: weekly('09:00', '17:00', WEEKDAYS),
      base: { lat: 53.737, lon: -2.963 }, // Lytham
      travelKm: 12,
      drives: true,
      skills: ['cooking support', 'learning disability support', 'medication prompt'],
      languages: ['English'],
    },
  },
  {
    firstName: 'Aisha',
    appreciated: [
      'Organised and calm: you always know what is happening next.',
      'Uses pictures and a simple plan for the day.',
      'Waits for your answer and never finishes your sentences.',
    ],
    mattersToMe: ['Everyone having a say in their own life', 'My faith', 'My nephews and nieces'],
    interests: ['tidy homes', 'cooking', 'crafts', 'walking'],
    qualities: ['organised', 'patient', 'great listener'],
    matching: {
      gender: 'woman',
      availability: weekly('08:00', '16:00', MON_TO_SAT),
      base: { lat: 53.756, lon: -3.03 }, // St Annes
      travelKm: 5,
      drives: false,
      skills: ['cooking support', 'learning disability support', 'personal care', 'medication prompt'],
      languages: ['English', 'Urdu'],
    },
  },
  {
    firstName: 'Bethan',
    appreciated: [
      'Gentle and softly spoken, especially first thing.',
      'Knows every Aled Jones song by heart.',
      'Makes you feel at home in your own home.',
    ],
    mattersToMe: ['Music every day', 'Kindness in small things', 'Going home to Wales in the summer'],
    interests: ['Aled Jones', 'Susan Boyle', 'male voice choirs', 'old movies', 'baking Welsh cakes'],
    qualities: ['gentle', 'calm', 'kind'],
    matching: {
      gender: 'woman',
      availability: weekly('07:30', '11:00', WEEKDAYS),
      base: { lat: 53.858, lon: -3.05 }, // Bispham
      travelKm: 3,
      drives: false,
      skills: ['medication prompt', 'personal care'],
      languages: ['English', 'Welsh'],
    },
  },
];
