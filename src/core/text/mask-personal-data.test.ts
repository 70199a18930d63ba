import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidCnp, isValidIban, maskPersonalData, MASK_CNP, MASK_EMAIL, MASK_IBAN, MASK_PHONE } from './mask-personal-data.ts';

const unchanged = (text: string) => assert.deepEqual(maskPersonalData(text), { text, found: [] }, text);

describe('maskPersonalData: CNP', () => {
  test('masks a valid CNP in a sentence', () => {
    const r = maskPersonalData('Sunt Ion Pop, CNP 1850505125805, locuiesc pe Str. Horea.');
    assert.equal(r.text, `Sunt Ion Pop, CNP ${MASK_CNP}, locuiesc pe Str. Horea.`);
    assert.deepEqual(r.found, ['cnp']);
  });

  test('accepts every century and sex digit, including 29 February of a leap year', () => {
    for (const cnp of ['1850505125805', '2960229125810', '5021231123454', '6000229123455', '7900101401234']) {
      assert.ok(isValidCnp(cnp), cnp);
      assert.equal(maskPersonalData(`cnp: ${cnp}`).text, `cnp: ${MASK_CNP}`);
    }
  });

  test('a 13-digit number with a wrong control digit is not masked', () => {
    assert.equal(isValidCnp('1850505125804'), false);
    unchanged('Numărul contorului este 1850505125804.');
  });

  test('an impossible birth date or a 0 sex digit is not a CNP, even with the right control digit', () => {
    const withControl = (twelve: string) => {
      const sum = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9].reduce((s, w, i) => s + w * Number(twelve[i]), 0) % 11;
      return twelve + (sum === 10 ? 1 : sum);
    };
    const feb29of1900 = withControl('100022912345'); // 1900 was not a leap year
    const month13 = withControl('185130512580');
    const sexZero = withControl('085050512580');
    for (const n of [feb29of1900, month13, sexZero]) {
      assert.equal(isValidCnp(n), false, n);
      unchanged(`Cod: ${n}`);
    }
  });

  test('digits glued to a longer number are not a CNP', () => {
    unchanged('Cod de bare 18505051258050');
  });
});

describe('maskPersonalData: phone numbers', () => {
  test('mobile numbers in every common spelling', () => {
    for (const phone of ['0744 123 456', '0744.123.456', '0744-123-456', '0744123456', '0744 12 34 56', '+40 744 123 456', '+40744123456', '0040 744 123 456', '+40 (0)744 123 456', '+4 0744 123 456', '+40-744-123-456']) {
      const r = maskPersonalData(`Sunați-mă la ${phone}, vă rog.`);
      assert.equal(r.text, `Sunați-mă la ${MASK_PHONE}, vă rog.`, phone);
      assert.deepEqual(r.found, ['phone']);
    }
  });

  test('landlines 02xx and 03xx, with area-code brackets and slashes', () => {
    for (const phone of ['0264 596 030', '(0264) 596 030', '0264/596.030', '021 312 34 56', '0213123456', '+40 21 312 34 56', '0364 401 234']) {
      assert.equal(maskPersonalData(`Primăria: ${phone}`).text, `Primăria: ${MASK_PHONE}`, phone);
    }
  });

  test('a phone right after a house number is still found', () => {
    assert.equal(maskPersonalData('Str. Moților nr. 12 0744 123 456').text, `Str. Moților nr. 12 ${MASK_PHONE}`);
  });

  test('two numbers in a row are masked separately', () => {
    assert.equal(maskPersonalData('0744123456 0264596030').text, `${MASK_PHONE} ${MASK_PHONE}`);
  });

  test('dates, times, prices, house numbers, postal codes and other number plans stay', () => {
    unchanged('Groapa e acolo din 07.12.2023, am trecut pe 03.05.2024 12:30.');
    unchanged('Str. Observatorului nr. 34, bl. 7, sc. 2, ap. 15, cod poștal 400363.');
    unchanged('Reparația ar costa 1.250.000 lei, adică 0,25 lei pe locuitor.');
    unchanged('Linia verde 0800 800 800 și 0900 123 456 nu sunt numere de persoane.');
    unchanged('Între 07 12 2023 și 14 01 2024 nu a venit nimeni.');
  });

  test('a report id is not a phone number', () => {
    unchanged('Vezi sesizarea nr. 2024-000123 și #0744 din registru, dosarul 0264/12345/2024.');
  });
});

describe('maskPersonalData: e-mail', () => {
  test('masks addresses, keeping the sentence punctuation', () => {
    const r = maskPersonalData('Scrieți-mi la ion.popescu+sesizari@gmail.com. Sau la maria_p@primaria-cluj.ro!');
    assert.equal(r.text, `Scrieți-mi la ${MASK_EMAIL}. Sau la ${MASK_EMAIL}!`);
    assert.deepEqual(r.found, ['email']);
  });

  test('an @ mention or a bare domain is not an address', () => {
    unchanged('Am scris la @primariacluj pe Facebook și pe primariaclujnapoca.ro.');
  });
});

describe('maskPersonalData: IBAN', () => {
  test('Romanian IBAN with and without spaces, stopping before the next word', () => {
    const r = maskPersonalData('Contul RO49 AAAA 1B31 0075 9384 0000 este al asociației; tot el: RO49AAAA1B31007593840000.');
    assert.equal(r.text, `Contul ${MASK_IBAN} este al asociației; tot el: ${MASK_IBAN}.`);
    assert.deepEqual(r.found, ['iban']);
  });

  test('IBANs of other countries, lower case too', () => {
    assert.equal(maskPersonalData('DE89 3704 0044 0532 0130 00').text, MASK_IBAN);
    assert.equal(maskPersonalData('gb29 nwbk 6016 1331 9268 19').text, MASK_IBAN);
    assert.ok(isValidIban('GB29 NWBK 6016 1331 9268 19'));
  });

  test('a wrong check digit, a wrong length or an unknown country is left alone', () => {
    unchanged('RO48 AAAA 1B31 0075 9384 0000');
    unchanged('RO49 AAAA 1B31 0075 9384 000');
    unchanged('ZZ49 AAAA 1B31 0075 9384 0000');
    assert.equal(isValidIban('RO48AAAA1B31007593840000'), false);
  });
});

describe('maskPersonalData: together', () => {
  test('several kinds are masked and reported once each, in order of appearance', () => {
    const r = maskPersonalData(
      'Mă numesc Ana Pop (CNP 2960229125810), tel. 0722 111 222 sau 0722.333.444, e-mail ana.pop@yahoo.com, IBAN RO49AAAA1B31007593840000. Groapa e la nr. 5.',
    );
    assert.equal(r.text, `Mă numesc Ana Pop (CNP ${MASK_CNP}), tel. ${MASK_PHONE} sau ${MASK_PHONE}, e-mail ${MASK_EMAIL}, IBAN ${MASK_IBAN}. Groapa e la nr. 5.`);
    assert.deepEqual(r.found, ['cnp', 'phone', 'email', 'iban']);
  });

  test('the digits of an e-mail or an IBAN are not also read as a phone or CNP', () => {
    assert.equal(maskPersonalData('0744123456@sms.ro').text, MASK_EMAIL);
    assert.deepEqual(maskPersonalData('RO49 AAAA 1B31 0075 9384 0000').found, ['iban']);
  });

  test('placeholders can be replaced, e.g. by a translation', () => {
    const r = maskPersonalData('0744 123 456', { cnp: '[ID hidden]', phone: '[phone hidden]', email: '[e-mail hidden]', iban: '[IBAN hidden]' });
    assert.equal(r.text, '[phone hidden]');
  });

  test('text without personal data comes back untouched', () => {
    unchanged('Groapă mare pe Calea Florești nr. 58, de 3 luni, adâncă de 15 cm.');
    unchanged('');
  });
});
