import { DatePicker } from 'antd';
import type { DatePickerProps } from 'antd';
import dayjs from 'dayjs';

export const DATE_FORMAT = 'DD/MM/YYYY';

type DateInputProps = Omit<DatePickerProps, 'value' | 'onChange' | 'format'> & {
  /** ISO date ("2023-12-31") or null. */
  value: string | null;
  onChange: (iso: string | null) => void;
};

/** A date picker that speaks ISO dates to the code and dd/mm/yyyy to the user. */
export function DateInput({ value, onChange, ...rest }: DateInputProps) {
  return (
    <DatePicker
      {...rest}
      format={DATE_FORMAT}
      value={value ? dayjs(value) : null}
      onChange={(d) => {
        const one = Array.isArray(d) ? d[0] : d;
        onChange(one ? one.format('YYYY-MM-DD') : null);
      }}
    />
  );
}
