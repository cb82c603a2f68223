import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, rememberLanguage, type Language } from '../i18n/i18n';

/** The language switch: the choice is remembered in this browser and wins over the browser's languages. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <Field data-size="sm">
      <Label htmlFor={id}>{t('language.label')}</Label>
      <Select
        id={id}
        width="auto"
        value={i18n.language}
        onChange={(event) => {
          const language = event.target.value as Language;
          rememberLanguage(language);
          void i18n.changeLanguage(language);
        }}
      >
        {LANGUAGES.map((language) => (
          <Select.Option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
