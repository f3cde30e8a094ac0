/** The risk flag's outline (a pole and a pennant, 20×20), shared by React badges and the calendar's DOM entries. */
export const RISK_FLAG_PATH = 'M5 17.5V3 M5 3.5h9.5l-2 3.5 2 3.5H5';
