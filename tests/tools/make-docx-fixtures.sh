#!/usr/bin/env bash
# Makes the Word fixtures of the .docx import tests (tests/fixtures/docx/*.docx) with real
# writers: pandoc (from the Markdown below) and LibreOffice (soffice --headless, from the flat ODT
# below). The .docx files are committed; this script records exactly how they were made.
# Run from the repository root: bash tests/tools/make-docx-fixtures.sh
# Made with pandoc 2.17.1.1 and LibreOffice 7.4.7.2.
set -euo pipefail
OUT="$(pwd)/tests/fixtures/docx"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
cd "$WORK"

# A 2×2 PNG (the images' bytes), written from base64 so that no image tool is needed.
echo 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNkYPjPwMDAxMDAwMDAAAAPHgEDvuTmzQAAAABJRU5ErkJggg==' | base64 -d > picture.png

# (a) pandoc: footnotes, "Ibid." and "Ibid., p. 4", a subtitle, a byline, a heading, a list,
# a link, a figure with caption and credit, a "Read also" list, and a final "References" list
# (as the Copydesk export writes one) with one reference that no footnote cites.
cat > pandoc-footnotes.md <<'EOF'
---
title: Port strike enters second week
subtitle: Dock workers and operators remain apart on pay.
---

The strike began on 10 August and has halted most container traffic.[^1] Operators say losses
exceed **€40 million** a day.[^2]

![Cranes stand idle at the terminal. Photo: A. Photographer](picture.png)

Union leaders called the offer *far from enough*.[^3] They asked for
[independent mediation](https://example.org/mediation).[^4]

## What happens next

- A mediator is expected on Thursday.[^5]
- Shipping lines are diverting ships.

**Read also**

- [Why ports matter](https://www.example.com/analysis/ports)
- [Strike begins](https://www.example.com/2025/08/10/strike-begins)

## References

1. “Dock strike halts terminal,” Port Gazette, 11 August 2025. https://portgazette.example/strike
2. Operators' association, press release of 14 August.
3. “Ports in Europe,” Shipping Weekly, 2024

[^1]: “Dock strike halts terminal,” Port Gazette, 11 August 2025. https://portgazette.example/strike
[^2]: Operators' association, press release of 14 August.
[^3]: Ibid.
[^4]: Ibid., p. 4
[^5]: “Dock strike halts terminal,” Port Gazette, 11 August 2025. https://portgazette.example/strike
EOF
pandoc pandoc-footnotes.md -o "$OUT/pandoc-footnotes.docx"

# (b) LibreOffice: footnotes AND endnotes, from a hand-written flat ODT (Title style, a Subtitle,
# two footnotes citing the same work, one endnote, an "Ibid." endnote).
cat > libreoffice-notes.fodt <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:body>
  <office:text>
   <text:p text:style-name="Title">Harbour reopens after storm</text:p>
   <text:p text:style-name="Subtitle">Ferries resume on Monday, the port authority says.</text:p>
   <text:p text:style-name="Text_20_body">The storm closed the harbour for three days.<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">“Storm closes harbour,” Coast News, 2 March 2025. https://coastnews.example/storm</text:p></text:note-body></text:note> Repairs to the pier will take weeks.<text:note text:id="ftn2" text:note-class="footnote"><text:note-citation>2</text:note-citation><text:note-body><text:p text:style-name="Footnote">“Storm closes harbour,” Coast News, 2 March 2025. https://coastnews.example/storm</text:p></text:note-body></text:note></text:p>
   <text:p text:style-name="Text_20_body">The port authority published its own figures.<text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p text:style-name="Endnote">Port authority, annual report 2024.</text:p></text:note-body></text:note> They show a loss of trade.<text:note text:id="edn2" text:note-class="endnote"><text:note-citation>ii</text:note-citation><text:note-body><text:p text:style-name="Endnote">Ibid., 12.</text:p></text:note-body></text:note></text:p>
  </office:text>
 </office:body>
</office:document>
EOF
soffice --headless --convert-to docx --outdir "$WORK/lo" libreoffice-notes.fodt > /dev/null
cp "$WORK/lo/libreoffice-notes.docx" "$OUT/libreoffice-notes.docx"

# (c) The seed article (tests/fixtures/seed-article.copydesk) as a reporter writes it in Word:
# Title, the standfirst as the first paragraph, the figure with its caption, the 11 citations as
# 11 footnotes (the full reference each time, "Ibid." where the same source follows), the
# ordered list and the "Read also" list.
R='"U.S. and allies explore collective defense guarantees for Ukraine," Reuters, 2023'
C='"Security Guarantees for Ukraine: What You Need to Know," Council on Foreign Relations, 2023'
cat > seed-article.md <<EOF
---
title: Upcoming Safety Assurances for the Washington Meeting
---

Trump recently met with Putin, but currently, he is hosting the President of Ukraine, Zelensky. Zelensky's visit carries a significant objective.

![Upcoming Security Assurances for Washington Meeting](picture.png "Upcoming Security Assurances for Washington Meeting")

In a significant shift, President Trump has agreed to discuss a peace agreement directly with Russia, aligning with Putin's wishes, and abandoning his demand for a ceasefire as a precondition for peace talks [^1][^2]. However, the positions of Ukraine and Russia remain incompatible, with Russia insisting on territorial concessions from Ukraine, which President Zelensky categorically rejects.

The proposed security guarantees for Ukraine, modelled after NATO's Article 5, aim to provide a robust deterrence against future Russian aggression [^3][^4]. This collective defense arrangement would be triggered by an attack on Ukraine, prompting a joint response from guarantor countries, similar to how NATO responds to attacks on its members.

The security guarantees would closely resemble NATO's Article 5 clause, which states that an armed attack against one member is considered an attack against all signatories. However, each member would decide what action it deems necessary, potentially including armed force [^5]. The framework would provide a multi-layered approach, with the first layer focusing on strengthening Ukraine's armed forces and the second layer offering external security guarantees from Europe and the U.S. [^6].

Diplomatic and military-strategic discussions are underway, involving key officials such as White House envoy Steve Witkoff, NATO Secretary-General Mark Rutte, U.S. Joint Chiefs Chairman Gen. Dan Caine, and European military leaders. They are working towards a negotiated joint military plan that could serve as the foundation of such guarantees [^7][^8].

Russia, according to Witkoff, might not object to this arrangement as part of a wider peace framework, although the details remain confidential and delicate [^9]. The "coalition of the willing," including the EU, is ready to contribute its part in providing security guarantees for Ukraine.

President Zelensky will be accompanied to Washington by German Chancellor Friedrich Merz, EU Commission President Ursula von der Leyen, and NATO Secretary General Mark Rutte. There is a possibility of a three-way summit between Zelensky, Trump, and Putin, but no confirmed location or time has been set yet.

The meeting in Washington is crucial for the further efforts towards peace in Ukraine, especially after the Alaska summit. The discussion will include security guarantees, territorial issues, and continued support for Ukraine in defending against Russian aggression.

The German government has announced that the scenario of a NATO-like security assurance from the USA and European states to Ukraine is in focus. Chancellor Merz considers peace negotiations between Ukraine and Russia without a prior ceasefire to be acceptable, provided that an agreement is reached quickly. US Secretary of State Marco Rubio's overarching goal is to conclude a "comprehensive peace agreement," and he has suggested that a ceasefire is not off the table.

According to an unconfirmed report by "Axios," the US President has informed his European counterparts that he is aiming for such a meeting on Friday. Other European heads of state and government have also announced their attendance for the upcoming discussions.

Russia and Ukraine had negotiations regarding security guarantees in Istanbul in 2022, with Russia proposing to be a guarantor power and demanding a veto right, which was unacceptable to Ukraine and potential Western guarantor powers.

In conclusion, the proposed security guarantees for Ukraine seek to replicate the collective defense principle of NATO's Article 5, providing Ukraine with a formal deterrence mechanism backed by a coalition of allied states committing to collective response measures, but with specifics on implementation, the scope of commitments, and legal frameworks still under negotiation [^10][^11].

1. The proposed security guarantees for Ukraine, similar to NATO's Article 5, aim to provide a robust deterrence against future Russian aggression and are being discussed in diplomatic and military-strategic meetings involving key officials.
2. Amidst ongoing war-and-conflicts between Ukraine and Russia, the process of policy-and-legislation, particularly the formation of security guarantees, plays a significant role in both politics and general-news, with President Zelensky, Trump, Putin, and other world leaders actively participating in negotiations.

**Read also:**

- Latest

[^1]: $R
[^2]: $C
[^3]: $R
[^4]: $C
[^5]: $R
[^6]: $C
[^7]: $R
[^8]: $C
[^9]: $R
[^10]: Ibid.
[^11]: $C
EOF
pandoc -f markdown-smart seed-article.md -o "$OUT/seed-article.docx"

# (d) Review: comments (one with a reply, written by LibreOffice below) and tracked changes
# (insertions and deletions by two authors), written by pandoc from Markdown spans (see pandoc's
# manual, "Track changes" and docx comments), and a link to javascript: that must not get through.
cat > review.md <<'EOF'
---
title: Council approves the budget
subtitle: The vote was closer than expected.
---

The council [approved]{.insertion author="Ana García" date="2026-01-02T10:00:00Z"}[passed]{.deletion author="Ben Okafor" date="2026-01-03T11:30:00Z"} the budget on Tuesday.

[Check the vote count]{.comment-start id="0" author="Ana García" date="2026-01-02T10:05:00Z"}Nine members voted for it[]{.comment-end id="0"} and two against.

Read the [minutes](javascript:alert(1)) or the [agenda](https://council.example/agenda).
EOF
pandoc review.md -o "$OUT/review.docx"

# (e) LibreOffice: a comment with a reply (Word's commentsExtended.xml) and a resolved comment.
cat > libreoffice-comments.fodt <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
  office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:body>
  <office:text>
   <text:p text:style-name="Title">Bridge closed for repairs</text:p>
   <text:p text:style-name="Text_20_body">The <office:annotation office:name="c1"><dc:creator>Ana García</dc:creator><dc:date>2026-01-02T10:00:00</dc:date><text:p>Which bridge?</text:p></office:annotation>old bridge<office:annotation-end office:name="c1"/> will close on Monday.<office:annotation office:name="c2" loext:parent-name="c1"><dc:creator>Ben Okafor</dc:creator><dc:date>2026-01-02T11:00:00</dc:date><text:p>The one on Mill Street.</text:p></office:annotation></text:p>
   <text:p text:style-name="Text_20_body">Traffic <office:annotation office:name="c3" loext:resolved="true"><dc:creator>Ben Okafor</dc:creator><dc:date>2026-01-02T12:00:00</dc:date><text:p>Add the detour.</text:p></office:annotation>will be diverted<office:annotation-end office:name="c3"/>.</text:p>
  </office:text>
 </office:body>
</office:document>
EOF
soffice --headless --convert-to docx --outdir "$WORK/lo" libreoffice-comments.fodt > /dev/null
# LibreOffice 7.4 writes the resolved state (commentsExtended.xml, w15:done) but not that c2
# replies to c1: no writer here writes replies, so the reply is added as Word writes it (a
# w14:paraId on each comment's paragraph, w15:paraIdParent on the reply's w15:commentEx).
python3 - "$WORK/lo/libreoffice-comments.docx" "$OUT/libreoffice-comments.docx" <<'PY'
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == 'word/comments.xml':
            text = data.decode('utf-8')
            for cid, para in (('0', '0A000001'), ('1', '0A000002')):
                start = text.index(f'<w:comment w:id="{cid}"')
                at = text.index('<w:p>', start)
                text = text[:at] + f'<w:p w14:paraId="{para}">' + text[at + len('<w:p>'):]
            if 'xmlns:w14=' not in text[:text.index('>', text.index('<w:comments'))]:
                text = text.replace('<w:comments ', '<w:comments xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ', 1)
            data = text.encode('utf-8')
        if item.filename == 'word/commentsExtended.xml':
            text = data.decode('utf-8')
            text = text.replace('</w15:commentsEx>', '<w15:commentEx w15:paraId="0A000001" w15:done="0"/><w15:commentEx w15:paraId="0A000002" w15:paraIdParent="0A000001" w15:done="0"/></w15:commentsEx>')
            data = text.encode('utf-8')
        zout.writestr(item, data)
PY

# (f) pandoc: no title (the first heading is the headline), a "See also" heading over a list of
# links, one footnote.
cat > no-title.md <<'EOF2'
## Council votes on the budget today

The vote follows a month of talks.

Nine of eleven members are expected to approve it.[^1]

## See also

- [The budget in detail](https://council.example/budget)
- [Last year's vote](https://council.example/vote-2025)

[^1]: Council minutes, 3 March 2026.
EOF2
pandoc no-title.md -o "$OUT/no-title.docx"

ls -l "$OUT"
