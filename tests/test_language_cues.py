"""The cue rows of languages other than English (diplo_analysis.language_cues, data/cues_languages.csv).

Every sentence here is invented for these tests (Ruritania, Freedonia and their leaders do not exist).
"""

from __future__ import annotations

import pandas as pd
import pytest

from diplo_analysis import language_cues as lc
from diplo_analysis.metadata import explain_metadata, extract_metadata
from diplo_analysis.records import Record

# (language, sentence, medium the language's rows read in it): a phone call, a video conference and a
# meeting (met / received / talks / visit) in each of the main languages of diplomacy
SENTENCES = [
    ("de", "Der Kanzler hat am Dienstag mit dem Präsidenten Ruritaniens telefoniert.", "phone"),
    ("de", "Die Ministerin nahm an einer Videoschalte der Außenminister teil.", "video"),
    ("de", "Der Bundespräsident empfing den König von Ruritanien im Schloss.", "in_person"),
    ("de", "Die beiden Regierungschefs trafen sich zu Gesprächen in Genf.", "in_person"),
    ("fr", "La Première ministre s'est entretenue par téléphone avec le président ruritanien.", "phone"),
    ("fr", "Le président a participé à une visioconférence avec ses homologues.", "video"),
    ("fr", "Le ministre a reçu son homologue de Freedonie au Quai d'Orsay.", "in_person"),
    ("es", "La presidenta mantuvo una conversación telefónica con el primer ministro de Ruritania.", "phone"),
    ("es", "Los cancilleres celebraron una videoconferencia sobre la crisis.", "video"),
    ("es", "El presidente se reunió con el rey de Freedonia en el palacio.", "in_person"),
    ("pt", "O Presidente telefonou ao primeiro-ministro da Ruritânia na terça-feira.", "phone"),
    ("pt", "O primeiro-ministro participou numa videoconferência com os homólogos.", "video"),
    ("pt", "O Presidente recebeu o rei da Freedónia no palácio.", "in_person"),
    ("it", "Il presidente ha avuto un colloquio telefonico con il re di Ruritania.", "phone"),
    ("it", "La premier ha partecipato in videocollegamento al vertice.", "video"),
    ("it", "Il presidente ha incontrato il cancelliere a Palazzo Chigi.", "in_person"),
    ("ru", "Президент провёл телефонный разговор с премьер-министром Руритании.", "phone"),
    ("ru", "Переговоры прошли в режиме видеоконференции.", "video"),
    ("ru", "Президент встретился с королём Фридонии в Кремле.", "in_person"),
    ("uk", "Президент провів телефонну розмову з прем'єр-міністром Руританії.", "phone"),
    ("uk", "Міністр зустрівся з послом Фридонії у Києві.", "in_person"),
    ("zh", "国家主席同鲁里塔尼亚总统通电话。", "phone"),
    ("zh", "两国总理举行视频会晤。", "video"),
    ("zh", "国务院总理在北京会见弗里多尼亚首相。", "in_person"),
    ("ja", "総理大臣は、ルリタニアの大統領と電話会談を行いました。", "phone"),
    ("ja", "外務大臣は、フリードニアの外相とテレビ会議を行いました。", "video"),
    ("ja", "総理大臣は、来日中のルリタニア首相と会談しました。", "in_person"),
    ("ko", "대통령은 루리타니아 총리와 전화 통화를 했다.", "phone"),
    ("ko", "양국 정상은 화상 회담을 가졌다.", "video"),
    ("ko", "대통령은 프리도니아 국왕을 접견했다.", "in_person"),
    ("ar", "أجرى الرئيس اتصالا هاتفيا مع رئيس وزراء روريتانيا.", "phone"),
    ("ar", "شارك الوزير في اجتماع عبر الاتصال المرئي.", "video"),
    ("ar", "استقبل الملك رئيس وزراء فريدونيا في القصر.", "in_person"),
    ("hi", "प्रधानमंत्री ने रूरिटानिया के राष्ट्रपति के साथ फोन पर बात की।", "phone"),
    ("hi", "प्रधानमंत्री ने वीडियो कॉन्फ्रेंसिंग के माध्यम से शिखर सम्मेलन में भाग लिया।", "video"),
    ("hi", "प्रधानमंत्री ने फ्रीडोनिया के राजा से मुलाकात की।", "in_person"),
    ("tr", "Cumhurbaşkanı, Ruritanya Başbakanı ile telefonda görüştü.", "phone"),
    ("tr", "Bakan, Freedonya Dışişleri Bakanı ile video konferans yoluyla görüştü.", "video"),
    ("tr", "Cumhurbaşkanı, Ruritanya Kralını kabul etti.", "in_person"),
    ("pl", "Prezydent odbył rozmowę telefoniczną z premierem Ruretanii.", "phone"),
    ("pl", "Premier wziął udział w wideokonferencji przywódców.", "video"),
    ("pl", "Prezydent spotkał się z królem Fredonii w Belwederze.", "in_person"),
    ("nl", "De premier voerde een telefoongesprek met de president van Ruritanië.", "phone"),
    ("nl", "De minister nam deel aan een videoconferentie met de collega's.", "video"),
    ("nl", "De koning ontving de president van Freedonia op het paleis.", "in_person"),
    ("id", "Presiden melakukan pembicaraan telepon dengan Perdana Menteri Ruritania.", "phone"),
    ("id", "Menteri mengikuti konferensi video dengan para mitra.", "video"),
    ("id", "Presiden bertemu dengan Raja Freedonia di istana.", "in_person"),
    ("ms", "Perdana Menteri menerima panggilan telefon daripada Presiden Ruritania.", "phone"),
    ("vi", "Thủ tướng đã điện đàm với Thủ tướng Ruritania.", "phone"),
    ("vi", "Chủ tịch nước tiếp Đại sứ Freedonia tại Phủ Chủ tịch.", "in_person"),
    ("fa", "رئیس جمهور در گفتگوی تلفنی با نخست وزیر روریتانیا درباره تجارت صحبت کرد.", "phone"),
    ("fa", "وزیر امور خارجه با همتای فریدونیایی خود دیدار کرد.", "in_person"),
    ("sv", "Statsministern förde ett telefonsamtal med Ruritaniens president.", "phone"),
    ("sv", "Statsministern träffade Freedonias kung i Stockholm.", "in_person"),
    ("kn", "ಪ್ರಧಾನಿ ಅವರು ರುರಿಟಾನಿಯಾ ಅಧ್ಯಕ್ಷರೊಂದಿಗೆ ದೂರವಾಣಿ ಮೂಲಕ ಮಾತನಾಡಿದರು.", "phone"),
    ("bn", "প্রধানমন্ত্রী রুরিটানিয়ার রাষ্ট্রপতির সঙ্গে টেলিফোনে কথা বলেন।", "phone"),
    ("ta", "பிரதமர் ருரிடானியா அதிபருடன் தொலைப்பேசியில் உரையாடினார்.", "phone"),
    # the languages of the European Union's and its neighbours' governments (rows added later)
    ("da", "Statsministeren havde en telefonsamtale med Ruritanias præsident.", "phone"),
    ("da", "Statsministeren mødtes med Freedonias konge i København.", "in_person"),
    ("da", "Statsministeren mødes i morgen med Ruritanias premierminister.", "other"),
    ("no", "Statsministeren hadde en telefonsamtale med Ruritanias president.", "phone"),
    ("no", "Statsministeren møtte Freedonias konge i Oslo.", "in_person"),
    ("fi", "Presidentti keskusteli puhelimitse Ruritanian presidentin kanssa.", "phone"),
    ("fi", "Pääministeri tapasi Freedonian kuninkaan Helsingissä.", "in_person"),
    ("el", "Ο Πρωθυπουργός είχε τηλεφωνική επικοινωνία με τον Πρόεδρο της Ρουριτανίας.", "phone"),
    ("el", "Ο Πρωθυπουργός συναντήθηκε με τον Βασιλιά της Φριντόνια.", "in_person"),
    ("cs", "Předseda vlády telefonicky hovořil s prezidentem Ruritánie.", "phone"),
    ("cs", "Premiér se setkal s králem Freedonie v Praze.", "in_person"),
    ("sk", "Premiér sa stretol s kráľom Freedónie v Bratislave.", "in_person"),
    ("hu", "A miniszterelnök telefonon egyeztetett Ruritánia elnökével.", "phone"),
    ("hu", "A miniszterelnök Budapesten találkozott Freedonia királyával.", "in_person"),
    ("ro", "Președintele a avut o convorbire telefonică cu premierul Ruritaniei.", "phone"),
    ("ro", "Premierul s-a întâlnit cu regele Freedoniei la București.", "in_person"),
    ("bg", "Президентът проведе телефонен разговор с премиера на Руритания.", "phone"),
    ("bg", "Премиерът се срещна с краля на Фридония в София.", "in_person"),
    ("hr", "Predsjednik je telefonom razgovarao s premijerom Ruritanije.", "phone"),
    ("sr", "Председник је разговарао телефоном са премијером Руританије.", "phone"),
    ("sr", "Predsednik se sastao sa kraljem Fridonije u Beogradu.", "in_person"),
    ("sl", "Predsednik vlade se je srečal s kraljem Freedonije.", "in_person"),
    ("lt", "Prezidentas kalbėjosi telefonu su Ruritanijos prezidentu.", "phone"),
    ("lv", "Ministru prezidents Rīgā tikās ar Frīdonijas karali.", "in_person"),
    ("et", "President pidas telefonivestluse Ruritaania presidendiga.", "phone"),
    ("he", "ראש הממשלה שוחח בטלפון עם נשיא רוריטניה.", "phone"),
    ("he", "ראש הממשלה נפגש עם מלך פרידוניה בירושלים.", "in_person"),
]


@pytest.mark.parametrize("code,sentence,medium", SENTENCES, ids=[f"{c}-{m}-{i}" for i, (c, _, m) in
                                                                 enumerate(SENTENCES)])
def test_each_languages_rows_read_its_calls_and_meetings(code, sentence, medium):
    cues = lc.cues_for(code)
    assert cues is not None, f"no cue rows for {code}"
    found = lc.pick_medium(cues.media, sentence)
    assert found is not None and found[0] == medium, (sentence, found)


def test_the_main_languages_of_diplomacy_have_rows():
    for code in "de fr es pt it ru uk zh ja ko ar hi tr pl nl id ms vi fa".split():
        assert code in lc.languages()
    assert "en" not in lc.languages() and lc.cues_for("en") is None
    for code in "da no fi el cs sk hu ro bg hr sr sl lt lv et he".split():  # the EU's and its neighbours'
        assert code in lc.languages()
    assert lc.cues_for("sw") is None and lc.cues_for(None) is None


def test_a_call_cue_beside_a_meeting_cue_makes_a_call_and_far_after_it_another_contact():
    fr = lc.cues_for("fr").media
    assert lc.pick_medium(fr, "Le président a eu un entretien par visioconférence avec le roi.")[0] == "video"
    uk = lc.cues_for("uk").media
    far = ("Міністр зустрівся у четвер у Брюсселі з послом Фридонії напередодні засідання ради, "
           "яке відбудеться наступного тижня у форматі відеоконференції.")
    assert lc.pick_medium(uk, far)[0] == "in_person"
    de = lc.cues_for("de").media
    assert lc.pick_medium(de, "Der Präsident gratuliert dem neuen Kanzler zur Wahl.")[0] == "other"
    assert lc.pick_medium(de, "Der Kanzler wird am Montag den Präsidenten in Paris treffen.")[0] == "other"
    assert lc.pick_medium(de, "Eine Zeile ohne jedes Stichwort.") is None


def _page(title, text, url="https://www.example-gov.ru/news/1", date="2023-03-01"):
    return Record(path="x.jsonl", line=1, title=title, text=text, url=url, date=date)


def test_a_russian_call_page_gets_phone_held_and_its_initiator():
    rec = _page("Телефонный разговор с Президентом Руритании",
                "По инициативе руританской стороны состоялся телефонный разговор Президента с Президентом "
                "Руритании. Собеседники обсудили вопросы торговли и энергетики, а также договорились о встрече.")
    m = extract_metadata(rec)
    assert (m["language"], m["medium"], m["status"], m["initiator"]) == ("ru", "phone", "held", "counterpart")
    why = explain_metadata(rec).set_index("fact")
    assert why.loc["medium", "rule"] == "language_title_cue"
    assert why.loc["medium", "evidence"].startswith("ru cues_languages.csv:")
    assert why.loc["initiator", "rule"] == "language_initiative_of"
    assert why.loc["initiator", "evidence"].startswith("ru: 'По инициативе")


def test_a_page_without_title_gets_its_medium_from_the_head_of_its_text():
    rec = _page(None, "प्रधानमंत्री ने आज रूरिटानिया के राष्ट्रपति के साथ टेलीफोन पर बातचीत की। दोनों नेताओं ने "
                      "व्यापार, ऊर्जा और क्षेत्रीय सुरक्षा पर विचारों का आदान-प्रदान किया।",
                url="https://www.example-pm.in/hi/news/1")
    m = extract_metadata(rec)
    assert (m["language"], m["medium"]) == ("hi", "phone")
    assert explain_metadata(rec).set_index("fact").loc["medium", "rule"] == "language_text_cue"


@pytest.mark.parametrize("title,text,url,code,medium", [
    ("Statsministeren mødes med Ruritanias premierminister",
     "Statsministeren mødes i morgen med Ruritanias premierminister i Statsministeriet. Pressen kan stille "
     "spørgsmål efter mødet, der begynder klokken ti.", "https://www.example-stm.dk/presse/1", "da", "other"),
    ("Pääministeri keskusteli puhelimitse Ruritanian pääministerin kanssa",
     "Pääministeri keskusteli tänään puhelimitse Ruritanian pääministerin kanssa. Keskustelussa käsiteltiin "
     "kauppaa, energiaa ja alueen turvallisuutta.", "https://www.example-vn.fi/uutiset/1", "fi", "phone"),
    ("Τηλεφωνική επικοινωνία του Πρωθυπουργού με τον Πρόεδρο της Ρουριτανίας",
     "Τηλεφωνική επικοινωνία είχε σήμερα ο Πρωθυπουργός με τον Πρόεδρο της Ρουριτανίας. Συζήτησαν τις "
     "διμερείς σχέσεις και τις εξελίξεις στην περιοχή.", "https://www.example-pm.gr/news/1", "el", "phone"),
])
def test_a_page_in_a_language_with_rows_gets_its_medium_not_none(title, text, url, code, medium):
    rec = _page(title, text, url=url)
    m = extract_metadata(rec)
    assert (m["language"], m["medium"]) == (code, medium)
    assert explain_metadata(rec).set_index("fact").loc["medium", "evidence"].startswith(f"{code} cues_languages.csv:")


@pytest.mark.parametrize("title,text,code,initiator", [
    ("Telefonat mit dem Präsidenten Ruritaniens",
     "Die Kanzlerin erhielt am Abend einen Anruf vom Präsidenten Ruritaniens. Beide sprachen über die Lage "
     "in Europa und über den Handel zwischen ihren Ländern.", "de", "counterpart"),
    ("国家主席同鲁里塔尼亚总统通电话",
     "国家主席应约同鲁里塔尼亚总统通电话。两国元首就双边关系和共同关心的国际问题交换了意见。", "zh", "counterpart"),
    ("اتصال هاتفي",
     "تلقى الملك اليوم اتصالا هاتفيا من رئيس وزراء روريتانيا، تم خلاله بحث العلاقات الثنائية بين البلدين "
     "وسبل تعزيزها في مختلف المجالات.", "ar", "counterpart"),
    ("اتصال هاتفى",  # the final ى of Egyptian spelling ("هاتفى")
     "بحث الملك خلال اتصال هاتفى تلقاه اليوم من رئيس وزراء روريتانيا العلاقات الثنائية بين البلدين "
     "وسبل تعزيزها في مختلف المجالات.", "ar", "counterpart"),
    ("Cumhurbaşkanı Fransa Cumhurbaşkanı ile telefonda görüştü",
     "Cumhurbaşkanı, Fransa Cumhurbaşkanı Emmanuel Macron ile telefonda görüştü. Görüşme Emmanuel Macron'un "
     "talebi üzerine yapıldı ve iki lider bölgesel konuları ele aldı.", "tr", "counterpart"),
    ("Conversación telefónica con el primer ministro de Ruritania",
     "El presidente recibió una llamada telefónica del primer ministro de Ruritania. Ambos dirigentes "
     "conversaron sobre el comercio y la cooperación regional.", "es", "counterpart"),
])
def test_the_initiator_cues_of_other_languages(title, text, code, initiator):
    m = extract_metadata(_page(title, text))
    assert (m["language"], m["medium"], m["initiator"]) == (code, "phone", initiator)


def test_a_meeting_page_gets_no_initiator_and_a_page_with_no_cue_gets_other():
    meeting = _page("Le président a reçu le roi de Ruritanie",
                    "Le président de la République a reçu mardi au palais le roi de Ruritanie, à la demande de "
                    "ce dernier. Les deux chefs d'État ont parlé du commerce et de la culture.")
    m = extract_metadata(meeting)
    assert (m["language"], m["medium"], m["initiator"], m["status"]) == ("fr", "in_person", None, "held")
    nothing = _page("Le président et la culture",
                    "Le président de la République a inauguré mardi la nouvelle bibliothèque de la ville, "
                    "en présence des élus et des habitants du quartier.")
    m = extract_metadata(nothing)
    assert (m["language"], m["medium"], m["status"]) == ("fr", "other", None)
    assert explain_metadata(nothing).set_index("fact").loc["medium", "rule"] == "language_no_cue"
    assert pd.isna(m["planned_date"])


def test_english_pages_never_read_the_tables_of_other_languages():
    lc._tables.cache_clear()
    lc.languages.cache_clear()
    lc.cues_for.cache_clear()
    m = extract_metadata(_page("Telephone conversation with the Prime Minister of Ruritania",
                               "The President had a telephone conversation with the Prime Minister of Ruritania.",
                               url="https://www.example-presidency.org/news/1"))
    assert m["medium"] == "phone"
    assert lc._tables.cache_info().currsize == 0


def _write(tmp_path, header, row):
    path = tmp_path / "t.csv"
    path.write_text(header + "\n" + row + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("row,message", [
    (r"en,phone,\bphone\b,phone,A phone call.,", "English cues belong in cues.csv"),
    (r"DE,phone,\btelefon\w*,telefon,Ein Telefonat.,", "language must be ISO 639-1"),
    (r"de,fax,\btelefon\w*,telefon,Ein Telefonat.,", "medium 'fax'"),
    (r"de,phone,\btelefon\w*,telefon,Ein Brief.,", "does not match its example"),
    (r"de,phone,\btelefon\w*,Telefon,Ein Telefonat.,", "keys must be lower-case words"),
    (r"de,phone,\btelefon\w*,telefon,Ein Telefonat.,video", "read its example"),
])
def test_a_bad_row_is_an_error_naming_file_and_line(tmp_path, row, message):
    path = _write(tmp_path, ",".join(lc.CUE_LANGUAGE_COLUMNS), row)
    with pytest.raises(ValueError, match=message) as err:
        lc.read_language_cues(path)
    assert f"{path}:2" in str(err.value)


def test_a_bad_initiator_row_is_an_error_naming_file_and_line(tmp_path):
    path = _write(tmp_path, ",".join(lc.INITIATOR_LANGUAGE_COLUMNS),
                  r"de,who,\bauf Wunsch\b,wunsch,Auf Wunsch der Seite.,no placeholder")
    with pytest.raises(ValueError, match=r"t\.csv:2: a row of kind 'who' needs"):
        lc.read_language_initiator_cues(path)


def test_keys_of_other_scripts_are_lower_case_words():
    from diplo_analysis._tables import _is_key

    assert _is_key("телефон") and _is_key("电话") and _is_key("फोन") and _is_key("ഫോ")
    assert not _is_key("Телефон") and not _is_key("2x") and not _is_key("a.b") and not _is_key("phone ")
    assert _is_key("phone call") and not _is_key("Phone")
