import type { Rng } from './rng.js';

/**
 * Place names of generated cities. They are invented (a mix of common syllables), so no
 * generated city is mistaken for a real one; region codes follow the GB/T 2260 shape.
 */
const CITY_STEMS = ['澜州', '青岚', '沂安', '泽阳', '嵩平', '临海', '云溪', '平川', '兰江', '宁原', '安澜', '汶城'];
const PLACE_STEMS = [
  '莲华',
  '北港',
  '石臼',
  '凤凰',
  '青云',
  '白鹭',
  '金山',
  '柳河',
  '松岭',
  '桃源',
  '云台',
  '龙泉',
  '汇川',
  '明湖',
  '清溪',
  '南岭',
  '丰乐',
  '望海',
  '溪口',
  '银杏',
  '紫荆',
  '东湖',
  '西岭',
  '翠屏',
  '碧波',
  '长岗',
  '黄海',
  '泰和',
  '新华',
  '文昌',
  '正阳',
  '春晖',
];
const COMMUNITY_SUFFIXES = ['花园', '小区', '家园', '新村', '苑', '公寓', '名郡', '华府', '雅居'];
const ROAD_SUFFIXES = ['路', '大道', '街', '路'];
const PLACE_KINDS = ['{community}', '{road}和{road2}交叉口', '{road}{n}号', '{community}{n}号楼', '{district}{road}', '{community}小区门口'];

export interface CityNames {
  province: { code: string; name: string };
  city: { code: string; name: string };
  /** Three districts/counties and two development zones. */
  subregions: { code: string; name: string; level: 'district' | 'county' | 'zone' }[];
}

/** The names and codes of city number `index` (0-based) of province `provinceCode`. */
export function cityNames(index: number, rng: Rng): CityNames {
  const stem = CITY_STEMS[index % CITY_STEMS.length]! + (index >= CITY_STEMS.length ? String(index) : '');
  const cityCode = `88${String(index + 1).padStart(2, '0')}00`;
  const stems = rng.shuffle(PLACE_STEMS);
  const sub = (n: number) => `${cityCode.slice(0, 4)}${String(n).padStart(2, '0')}`;
  return {
    province: { code: '880000', name: '东澜省' },
    city: { code: cityCode, name: `${stem}市` },
    subregions: [
      { code: sub(2), name: `${stems[0]}区`, level: 'district' },
      { code: sub(3), name: `${stems[1]}区`, level: 'district' },
      { code: sub(21), name: `${stems[2]}县`, level: 'county' },
      { code: sub(71), name: `${stem}经济技术开发区`, level: 'zone' },
      { code: sub(72), name: `${stem}高新技术产业开发区`, level: 'zone' },
    ],
  };
}

/** A place in a district as citizens describe it: a compound, a road, a crossing. */
export function placeIn(district: string, rng: Rng): string {
  const community = rng.pick(PLACE_STEMS) + rng.pick(COMMUNITY_SUFFIXES);
  return rng
    .pick(PLACE_KINDS)
    .replace('{community}', community)
    .replace('{road}', rng.pick(PLACE_STEMS) + rng.pick(ROAD_SUFFIXES))
    .replace('{road2}', rng.pick(PLACE_STEMS) + rng.pick(ROAD_SUFFIXES))
    .replace('{n}', String(rng.int(1, 88)))
    .replace('{district}', district);
}

/** A licence plate of the province (东澜 -> 澜). */
export function plate(rng: Rng): string {
  const letters = 'ABCDEFGHJKLMN';
  return `澜${letters[rng.int(0, letters.length - 1)]}${rng.int(10000, 99999)}`;
}
