import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddressFormValues } from '../lib/address-form-values';
import { TextField } from './text-field';

/**
 * The parts of a postal address, in a fieldset of its own; `errorOf('address.postCode')` gives the
 * words of a field's error, as the forms name them.
 */
export function AddressFields({
  value,
  onChange,
  errorOf,
  className = '',
}: {
  value: AddressFormValues;
  onChange: (address: AddressFormValues) => void;
  errorOf: (path: string, value: string) => string | undefined;
  className?: string;
}) {
  const { t } = useTranslation();
  const legendId = useId();
  const part = (name: keyof AddressFormValues) => ({
    name: `address.${name}`,
    value: value[name],
    error: errorOf(`address.${name}`, value[name]),
    onChange: (event: { target: { value: string } }) => onChange({ ...value, [name]: event.target.value }),
  });
  return (
    <fieldset aria-labelledby={legendId} className={`grid gap-4 sm:grid-cols-6 ${className}`}>
      <legend id={legendId} className="mb-2 font-semibold text-slate-900 sm:col-span-6">
        {t('address.legend')}
      </legend>
      <TextField
        className="sm:col-span-4"
        label={t('address.street')}
        autoComplete="off"
        {...part('street')}
      />
      <TextField
        className="sm:col-span-1"
        label={t('address.houseNumber')}
        autoComplete="off"
        {...part('houseNumber')}
      />
      <TextField
        className="sm:col-span-1"
        label={t('address.boxNumber')}
        autoComplete="off"
        {...part('boxNumber')}
      />
      <TextField
        className="sm:col-span-2"
        label={t('address.postCode')}
        autoComplete="off"
        inputMode="numeric"
        {...part('postCode')}
      />
      <TextField
        className="sm:col-span-3"
        label={t('address.municipality')}
        autoComplete="off"
        {...part('municipality')}
      />
      <TextField
        className="sm:col-span-1"
        label={t('address.country')}
        hint={t('address.countryHint')}
        autoComplete="off"
        maxLength={2}
        {...part('country')}
      />
    </fieldset>
  );
}
