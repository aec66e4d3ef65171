/** China keeps one time zone: every city's reports speak Beijing time, whatever the server's zone. */
const CITY_TIME_ZONE = 'Asia/Shanghai';

/** An ISO instant as analysts read it: 2026-12-02 09:17（北京时间）. */
export function cityTime(iso: string, timeZone = CITY_TIME_ZONE): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}（北京时间）`;
}
