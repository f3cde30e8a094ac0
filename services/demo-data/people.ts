import { Faker, base, en, id_ID } from '@faker-js/faker';
import { foldName } from '../../shared/domain/clients';
import type { Random } from './random';

export type Origin = 'id' | 'en';
export type Sex = 'female' | 'male';

/**
 * Names, places and contact details for the demo data: Indonesian from faker's id_ID
 * locale, English from its en locale, each faker seeded from the demo seed so the same
 * seed names the same people. Only faker's name and place lists are used; every other
 * choice comes from the seeded Random.
 */
export class DemoPeople {
  private readonly indonesian = new Faker({ locale: [id_ID, en, base] });
  private readonly english = new Faker({ locale: [en, base] });
  private readonly emails = new Set<string>();

  constructor(
    seed: number,
    private readonly random: Random,
  ) {
    this.indonesian.seed(seed);
    this.english.seed(seed + 1);
  }

  private faker(origin: Origin): Faker {
    return origin === 'id' ? this.indonesian : this.english;
  }

  /** A person's name. Many Indonesians have a single name, so some have no family name. */
  name(origin: Origin, sex: Sex): { givenName: string; familyName: string } {
    const faker = this.faker(origin);
    const givenName = faker.person.firstName(sex);
    const familyName = origin === 'id' && this.random.chance(0.15) ? '' : faker.person.lastName(sex);
    return { givenName, familyName };
  }

  fullName(origin: Origin, sex: Sex): string {
    const { givenName, familyName } = this.name(origin, sex);
    return familyName ? `${givenName} ${familyName}` : givenName;
  }

  /** The name a person goes by, when it differs: Kartika is Tika, Pratiwi is Tiwi, William is Will. */
  preferredName(givenName: string, origin: Origin): string {
    if (origin === 'en') return ENGLISH_SHORT_NAMES[givenName] ?? '';
    if (givenName.length < 6) return '';
    const tail = givenName.slice(-4);
    return tail.charAt(0).toUpperCase() + tail.slice(1).toLowerCase();
  }

  city(): string {
    return this.indonesian.location.city();
  }

  street(): string {
    return this.indonesian.location.streetAddress();
  }

  /** A personal address, unique among the demo clients so the duplicate guard is not set off by chance. */
  personalEmail(givenName: string, familyName: string): string {
    const local = [givenName, familyName].map((part) => foldName(part).replace(/ /g, '')).filter(Boolean).join('.');
    const domain = this.random.pick(PERSONAL_DOMAINS);
    let email = `${local}${this.random.chance(0.6) ? this.random.int(1, 99) : ''}@${domain}`;
    while (this.emails.has(email)) email = `${local}${this.random.int(100, 9999)}@${domain}`;
    this.emails.add(email);
    return email;
  }

  /** An Indonesian mobile number, written as people write them. */
  mobile(): string {
    return `+62 8${this.random.int(11, 59)}-${this.random.int(1000, 9999)}-${this.random.int(100, 9999)}`;
  }

  /** An office line with its area code. */
  landline(): string {
    return `(0${this.random.int(21, 778)}) ${this.random.int(200_0000, 899_9999)}`;
  }
}

const PERSONAL_DOMAINS = ['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.co.id', 'yahoo.com', 'outlook.com', 'hotmail.com', 'ymail.com'] as const;

const ENGLISH_SHORT_NAMES: Record<string, string> = {
  William: 'Will',
  Robert: 'Rob',
  Elizabeth: 'Liz',
  Katherine: 'Kate',
  Jonathan: 'Jon',
  Margaret: 'Maggie',
  Alexander: 'Alex',
  Christopher: 'Chris',
  Benjamin: 'Ben',
  Samantha: 'Sam',
  Jennifer: 'Jen',
  Michael: 'Mike',
  Rebecca: 'Becky',
  Nicholas: 'Nick',
  Victoria: 'Tori',
  Daniel: 'Dan',
  Patricia: 'Trish',
  Thomas: 'Tom',
};
