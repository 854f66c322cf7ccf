import type { Random } from './random';

// Enough vocabulary for paragraphs that look like a small business site, and compress like one.
const WORDS = (
  'coffee roast roasted beans espresso origin single farm harvest washed natural process aroma flavor ' +
  'chocolate caramel citrus berry floral nutty sweet body acidity balanced smooth bright fresh small batch ' +
  'brew filter pour over grinder burr water temperature ratio cup morning afternoon cafe team customers ' +
  'community local partners growers ethiopia colombia brazil kenya guatemala sumatra honduras season ' +
  'subscription delivery weekly monthly wholesale restaurants office gift card order shipping free ' +
  'sustainable direct trade quality score tasting notes light medium dark profile craft care every ' +
  'the a our your we you with from for and of to in on at by each new best simple perfect great good ' +
  'learn discover visit explore enjoy taste share make start choose find love build grow help offer ' +
  'guide story history news update event workshop class training barista equipment kettle scale ' +
  'milk latte cappuccino cortado mocha cold brew iced decaf blend house signature limited release'
).split(' ');

export function words(random: Random, count: number): string[] {
  const picked: string[] = [];
  for (let i = 0; i < count; i++) picked.push(random.pick(WORDS));
  return picked;
}

export function titleCase(text: string[]): string {
  return text.map((word) => word[0].toUpperCase() + word.slice(1)).join(' ');
}

export function sentence(random: Random, min = 8, max = 16): string {
  const text = words(random, random.int(min, max)).join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

export function paragraph(random: Random, sentences: number): string {
  let text = sentence(random);
  for (let i = 1; i < sentences; i++) text += ` ${sentence(random)}`;
  return text;
}

export function slugOf(text: string[]): string {
  return text.join('-');
}
