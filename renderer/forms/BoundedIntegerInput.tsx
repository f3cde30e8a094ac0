import type { InputHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

interface BoundedIntegerInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'min' | 'max' | 'type'> {
  bounds: { min: number; max: number };
  /** Registered with `valueAsNumber: true`, so the contract's schema receives a number. */
  registration: UseFormRegisterReturn;
}

/** A short whole-number field with its allowed range (sessions, minimum cell size, idle minutes). */
export function BoundedIntegerInput({ bounds, registration, ...rest }: BoundedIntegerInputProps) {
  return <input {...rest} className="input--short" type="number" inputMode="numeric" min={bounds.min} max={bounds.max} step={1} {...registration} />;
}
