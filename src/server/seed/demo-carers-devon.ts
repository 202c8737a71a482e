import { EVERY_DAY, MON_TO_SAT, WEEKDAYS, weekly } from '../matching/matching-facts';
import type { DemoCarer } from './demo-data';

/** Demo care workers in South Devon, around Totnes. */
export const DEVON_CARERS: DemoCarer[] = [
  {
    firstName: 'Priya',
    appreciated: [
      'Always has a story to tell and a laugh to share.',
      'Remembers your grandchildren’s names after one visit.',
      'Brings the energy in without taking over.',
    ],
    mattersToMe: ['Making people laugh', 'My two daughters', 'A proper cup of chai'],
    interests: ['Bollywood films', 'baking', 'gardening', 'quiz shows'],
    qualities: ['chatty', 'fun', 'kind'],
    matching: {
      gender: 'woman',
      availability: weekly('09:00', '17:00', EVERY_DAY),
      base: { lat: 50.4319, lon: -3.6841 }, // Totnes
      travelKm: 15,
      drives: true,
      skills: ['medication prompt', 'personal care'],
      languages: ['English', 'Punjabi'],
    },
  },
  {
    firstName: 'Kwame',
    appreciated: [
      'Full of jokes, and always kind with them.',
      'Listens properly, then tells you something that makes you smile.',
      'Never in a rush to leave.',
    ],
    mattersToMe: ['Family first', 'Treating people with respect', 'Saturday football with my son'],
    interests: ['football', 'jazz', 'history', 'cooking West African food'],
    qualities: ['chatty', 'great listener', 'fun'],
    matching: {
      gender: 'man',
      availability: weekly('10:00', '18:00', WEEKDAYS),
      base: { lat: 50.529, lon: -3.611 }, // Newton Abbot
      travelKm: 20,
      drives: true,
      skills: ['medication prompt', 'personal care', 'cooking support'],
      languages: ['English', 'Twi'],
    },
  },
  {
    firstName: 'Rosie',
    appreciated: [
      'Loves a natter and always brings the village news.',
      'Knows the name of every bird in the hedge.',
      'Makes getting out into the garden a pleasure again.',
    ],
    mattersToMe: ['Being outdoors, whatever the weather', 'My hens and my allotment', 'A good laugh every day'],
    interests: ['birdwatching', 'gardening', 'card games', 'baking'],
    qualities: ['lively', 'chatty', 'fun'],
    matching: {
      gender: 'woman',
      availability: weekly('12:00', '20:00', WEEKDAYS),
      base: { lat: 50.449, lon: -3.708 }, // Dartington
      travelKm: 6,
      drives: false,
      skills: ['medication prompt', 'personal care'],
      languages: ['English'],
    },
  },
  {
    firstName: 'Jess',
    appreciated: [
      'Chats away while she works, and listens too.',
      'Brilliant at cards, but lets you win sometimes.',
      'Always has a smile on, even first thing.',
    ],
    mattersToMe: ['My two boys', 'Swimming in the sea all year round', 'Treating everyone like family'],
    interests: ['card games', 'swimming', 'quiz shows', 'the seaside'],
    qualities: ['chatty', 'lively', 'kind'],
    matching: {
      gender: 'woman',
      availability: weekly('08:00', '16:00', MON_TO_SAT),
      base: { lat: 50.4353, lon: -3.5647 }, // Paignton
      travelKm: 20,
      drives: true,
      skills: ['medication prompt', 'personal care', 'cooking support'],
      languages: ['English'],
    },
  },
  {
    firstName: 'Nell',
    appreciated: [
      'Quiet and steady: never fills a silence for the sake of it.',
      'Very careful with medicines and routines.',
      'Reads aloud beautifully.',
    ],
    mattersToMe: ['Peace and quiet', 'My books', 'Getting things right'],
    interests: ['reading', 'birdwatching', 'jigsaws', 'classical music'],
    qualities: ['quiet', 'gentle', 'organised'],
    matching: {
      gender: 'woman',
      availability: weekly('09:00', '17:00', WEEKDAYS),
      base: { lat: 50.481, lon: -3.779 }, // Buckfastleigh
      travelKm: 15,
      drives: true,
      skills: ['medication prompt', 'personal care', 'dementia care'],
      languages: ['English'],
    },
  },
  {
    firstName: 'Marta',
    appreciated: [
      'Warm and patient, with a lovely laugh.',
      'Makes the best soup in Devon.',
      'Supports people who speak Polish at home, and is learning English at college.',
    ],
    mattersToMe: ['My daughter', 'Cooking for the people I love', 'Learning something new every week'],
    interests: ['cooking', 'gardening', 'folk dancing'],
    qualities: ['kind', 'patient', 'calm'],
    matching: {
      gender: 'woman',
      availability: weekly('08:00', '16:00', WEEKDAYS),
      base: { lat: 50.429, lon: -3.69 }, // Totnes
      travelKm: 10,
      drives: true,
      skills: ['medication prompt', 'personal care', 'cooking support'],
      languages: ['Polish'],
    },
  },
];
