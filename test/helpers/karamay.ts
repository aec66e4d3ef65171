import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Karamay's 21 published power lists (../shared/data/real/karamay-lists, outside the repository;
 * see its README): which department each file is, by a part of its name, as a user passes it
 * with --department. Shared by the real-lists test and eval:real.
 */
const DEPARTMENT_OF_FILE: [string, string][] = [
  ['农业农村局', 'K-NY'],
  ['统计局', 'K-TJ'],
  ['消防', 'K-XF'],
  ['人力资源和社会保障局', 'K-RS'],
  ['住房和城乡建设局', 'K-ZJ'],
  ['医疗保障局', 'K-YB'],
  ['发展和改革委员会', 'K-FG'],
  ['商务局', 'K-SW'],
  ['委宣传部', 'K-XC'],
  ['应急管理局', 'K-YJ'],
  ['文化体育广播电视和旅游局', 'K-WL'],
  ['机关事务管理局', 'K-JG'],
  ['林业和草原', 'K-LC'],
  ['档案局', 'K-DA'],
  ['生态环境局', 'K-HB'],
  ['科学技术局', 'K-KJ'],
  ['自然资源局', 'K-ZR'],
  ['国动办', 'K-GD'],
  ['交通运输局', 'K-JT'],
  ['市场监督管理局', 'K-SJ'],
  ['财政局', 'K-CZ'],
];

/** The list files of the folder, sorted, each with its department (undefined when no name part matches). */
export function karamayListFiles(folder: string): { path: string; file: string; department: string | undefined }[] {
  return readdirSync(folder)
    .sort()
    .map((file) => ({ path: join(folder, file), file, department: DEPARTMENT_OF_FILE.find(([part]) => file.includes(part))?.[1] }));
}
