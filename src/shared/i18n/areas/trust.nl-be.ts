/** Strings of one area (nl-BE): trust — limits on uploads and on expensive requests. `errors` joins the server catalogue. */
export const trustNlBE = {
  errors: {
    EXPORT_RATE_LIMITED:
      'Je vroeg veel exports of pdf’s kort na elkaar. Probeer opnieuw binnen {{seconds}} seconden.',
    import_too_large:
      'Het bestand is te groot: een import mag hoogstens {{max}} MB zijn. Verdeel de rijen over meer bestanden.',
    import_not_csv:
      'Dit is geen CSV-bestand. Bewaar het in je rekenblad als ‘CSV (puntkomma- of kommagescheiden)’ en probeer opnieuw.',
  },
  email: {},
  web: {},
};
