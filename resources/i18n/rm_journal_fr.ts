<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>CalendarDialog</name>
    <message>
        <location filename="../../rm_journal/ui/meeting_page.py" line="122" />
        <source>Add to calendar</source>
        <translation>Ajouter à l’agenda</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_page.py" line="127" />
        <source>The file holds only the day and the title below: no name, no program, no topic. Anyone who reads your calendar (an assistant, a shared phone) learns nothing more.</source>
        <translation>Le fichier ne contient que le jour et le titre ci-dessous : aucun nom, aucun programme, aucun sujet. Qui lit votre agenda (un assistant, un téléphone partagé) n’en apprend pas davantage.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_page.py" line="136" />
        <source>Meeting</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_page.py" line="137" />
        <location filename="../../rm_journal/ui/meeting_page.py" line="138" />
        <source>Title in the calendar</source>
        <translation>Titre dans l’agenda</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_page.py" line="139" />
        <source>The next planned session</source>
        <translation>La prochaine séance prévue</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_page.py" line="140" />
        <source>Every planned session</source>
        <translation>Toutes les séances prévues</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_page.py" line="145" />
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_page.py" line="158" />
        <source>Save the calendar file…</source>
        <translation>Enregistrer le fichier d’agenda…</translation>
    </message>
</context>
<context>
    <name>CalendarPopup</name>
    <message>
        <location filename="../../rm_journal/ui/date_field.py" line="136" />
        <source>Previous month</source>
        <translation>Mois précédent</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/date_field.py" line="137" />
        <source>Next month</source>
        <translation>Mois suivant</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/date_field.py" line="138" />
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/date_field.py" line="139" />
        <location filename="../../rm_journal/ui/date_field.py" line="140" />
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/date_field.py" line="141" />
        <location filename="../../rm_journal/ui/date_field.py" line="142" />
        <source>Days of the month</source>
        <translation>Jours du mois</translation>
    </message>
</context>
<context>
    <name>Capture</name>
    <message>
        <location filename="../../rm_journal/ui/capture.py" line="36" />
        <source>Presenter mode is always shown: it is the view meant to be shared.</source>
        <translation>Le mode présentation reste toujours visible : c’est la vue faite pour être partagée.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/capture.py" line="39" />
        <source>This system does not let an app keep its windows out of screen sharing: look at what you share, or turn on presenter mode first.</source>
        <translation>Ce système ne permet pas à une application de soustraire ses fenêtres au partage d’écran : regardez ce que vous partagez, ou activez d’abord le mode présentation.</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="191" />
        <source>— not decided —</source>
        <translation>— non décidé —</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../rm_journal/ui/date_field.py" line="212" />
        <source>No date</source>
        <translation>Pas de date</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/date_field.py" line="277" />
        <source>Type a date as %1 or %2, or leave it empty for no date.</source>
        <translation>Saisissez une date sous la forme %1 ou %2, ou laissez le champ vide pour ne pas en mettre.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/date_field.py" line="219" />
        <location filename="../../rm_journal/ui/date_field.py" line="220" />
        <location filename="../../rm_journal/ui/date_field.py" line="223" />
        <source>Clear the date</source>
        <translation>Effacer la date</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/date_field.py" line="230" />
        <source>Choose on a calendar (Alt+Down)</source>
        <translation>Choisir dans un calendrier (Alt+Bas)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/date_field.py" line="232" />
        <source>%1: choose on a calendar</source>
        <translation>%1 : choisir dans un calendrier</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/date_field.py" line="240" />
        <source>Date not accepted</source>
        <translation>Date non acceptée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/date_field.py" line="317" />
        <source>“%1” is not a date: type it as %2 or %3.</source>
        <translation>« %1 » n’est pas une date : saisissez-la sous la forme %2 ou %3.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/date_field.py" line="324" />
        <source>The date cannot be before %1.</source>
        <translation>La date ne peut pas être avant le %1.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/date_field.py" line="328" />
        <source>The date cannot be after %1.</source>
        <translation>La date ne peut pas être après le %1.</translation>
    </message>
</context>
<context>
    <name>EditPairDialog</name>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="76" />
        <source>Edit this pair</source>
        <translation>Modifier ce binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="90" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="98" />
        <source>Give your partner's name or an alias.</source>
        <translation>Donnez le prénom de votre binôme ou un alias.</translation>
    </message>
</context>
<context>
    <name>EndPairDialog</name>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="240" />
        <source>End this relationship</source>
        <translation>Terminer cette relation</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="246" />
        <source>Ending the relationship with “%1” makes its journal read-only: nothing can be added or changed until you reopen it. You can still read it, export its summary and see its sharing log.</source>
        <translation>Terminer la relation avec « %1 » met son journal en lecture seule : rien ne peut y être ajouté ni modifié tant que vous ne la rouvrez pas. Vous pouvez toujours le lire, exporter sa synthèse et consulter son journal des partages.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="254" />
        <source>Its closing retrospective is written.</source>
        <translation>Sa rétrospective de clôture est écrite.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="257" />
        <source>Write the closing retrospective first: it looks back on the whole relationship, and cannot be written once it has ended.</source>
        <translation>Écrivez d’abord la rétrospective de clôture : elle revient sur toute la relation, et ne peut plus être écrite une fois celle-ci terminée.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="268" />
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="269" />
        <source>Ended on</source>
        <translation>Terminée le</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="274" />
        <source>Write the closing retrospective</source>
        <translation>Écrire la rétrospective de clôture</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="275" />
        <source>End the relationship</source>
        <translation>Terminer la relation</translation>
    </message>
</context>
<context>
    <name>EndedBanner</name>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="314" />
        <source>This relationship has ended</source>
        <translation>Cette relation est terminée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="316" />
        <source>Reopen</source>
        <translation>Rouvrir</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="317" />
        <source>Make this journal writable again</source>
        <translation>Rendre ce journal de nouveau modifiable</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="328" />
        <source>This relationship ended on %1. Its journal is read-only: you can read it, export its summary and see its sharing log.</source>
        <translation>Cette relation s’est terminée le %1. Son journal est en lecture seule : vous pouvez le lire, exporter sa synthèse et consulter son journal des partages.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="85" />
        <source>Export the shared summary</source>
        <translation>Exporter la synthèse partagée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="93" />
        <source>Only the takeaways you both agreed on, and the actions of the sessions you hold together, go into the summary. Notes, reflections, preparation and proposals never do.</source>
        <translation>Seuls les enseignements que vous avez validés tous les deux, et les actions des séances que vous tenez ensemble, entrent dans la synthèse. Les notes, réflexions, préparations et propositions jamais.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="104" />
        <source>All sessions</source>
        <translation>Toutes les séances</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="105" />
        <source>Sessions between two dates</source>
        <translation>Les séances entre deux dates</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="106" />
        <source>Chosen sessions</source>
        <translation>Les séances choisies</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="109" />
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="112" />
        <location filename="../../rm_journal/ui/export_dialog.py" line="118" />
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="112" />
        <source>The first session</source>
        <translation>La première séance</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="113" />
        <location filename="../../rm_journal/ui/export_dialog.py" line="119" />
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="113" />
        <source>The last session</source>
        <translation>La dernière séance</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="125" />
        <source>Sessions to include</source>
        <translation>Séances à inclure</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="140" />
        <source>Print names or aliases</source>
        <translation>Imprimer des noms ou des pseudonymes</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="147" />
        <source>Leader</source>
        <translation>Dirigeant</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="148" />
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="155" />
        <source>Language of the PDF</source>
        <translation>Langue du PDF</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="156" />
        <source>Program: %1</source>
        <translation>Programme : %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="160" />
        <source>Signature lines for both of us</source>
        <translation>Lignes de signature pour nous deux</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="164" />
        <source>Protect with a password (AES-256)</source>
        <translation>Protéger par un mot de passe (AES-256)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="170" />
        <source>PDF password</source>
        <translation>Mot de passe du PDF</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="172" />
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="174" />
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="175" />
        <source>Generate another password</source>
        <translation>Générer un autre mot de passe</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="183" />
        <source>Give the password to your partner another way than the file: say it, or send it separately. It is not kept anywhere.</source>
        <translation>Donnez le mot de passe à votre binôme autrement qu’avec le fichier : de vive voix, ou par un envoi séparé. Il n’est conservé nulle part.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="195" />
        <source>Exactly what will leave this computer</source>
        <translation>Exactement ce qui quittera cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="200" />
        <source>Preview of the shared summary</source>
        <translation>Aperçu de la synthèse partagée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="214" />
        <location filename="../../rm_journal/ui/export_dialog.py" line="428" />
        <source>Save PDF…</source>
        <translation>Enregistrer le PDF…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="300" />
        <source>No agreed takeaway or shared action in these sessions: nothing to export.</source>
        <translation>Aucun enseignement validé ni action partagée dans ces séances : rien à exporter.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="294" />
        <source>A date above is not accepted: correct it, or empty it for no limit.</source>
        <translation>Une date ci-dessus n’est pas acceptée : corrigez-la, ou videz-la pour ne pas limiter.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="307" />
        <source>The password needs at least %1 characters; or use “New”.</source>
        <translation>Le mot de passe doit compter au moins %1 caractères ; ou utilisez « Nouveau ».</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="315" />
        <source>Agreed items: %1 · fingerprint %2</source>
        <translation>Éléments validés : %1 · empreinte %2</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="325" />
        <source>These characters cannot be drawn by the PDF's font and will show as empty boxes: %1</source>
        <translation>La police du PDF ne sait pas dessiner ces caractères, qui apparaîtront comme des cases vides : %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="334" />
        <source>Right-to-left text (Arabic, Hebrew) will be printed in typing order, not shaped.</source>
        <translation>Le texte de droite à gauche (arabe, hébreu) sera imprimé dans l’ordre de saisie, sans mise en forme.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="353" />
        <source>Save the shared summary</source>
        <translation>Enregistrer la synthèse partagée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="355" />
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="376" />
        <source>Shared summary (PDF) · agreed items: %1 · sessions: %2</source>
        <translation>Synthèse partagée (PDF) · éléments validés : %1 · séances : %2</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="381" />
        <source>password-protected</source>
        <translation>protégée par mot de passe</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="394" />
        <source>Saved, but not recorded</source>
        <translation>Enregistré, mais non consigné</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="396" />
        <source>The PDF was saved, but the sharing log could not record it: %1</source>
        <translation>Le PDF a été enregistré, mais le journal des partages n’a pas pu le consigner : %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="403" />
        <source>Remember to give your partner the password separately.</source>
        <translation>Pensez à donner le mot de passe à votre binôme séparément.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="407" />
        <source>Summary saved</source>
        <translation>Synthèse enregistrée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="411" />
        <source>Saved as %1. Its fingerprint, %2, is printed on every page and kept in the sharing log, so you can both check you hold the same summary.</source>
        <translation>Enregistrée sous %1. Son empreinte, %2, figure sur chaque page et dans le journal des partages : vous pouvez ainsi vérifier tous les deux que vous détenez la même synthèse.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="424" />
        <source>Summary not saved</source>
        <translation>Synthèse non enregistrée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/export_dialog.py" line="428" />
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="267" />
        <source>Welcome to rm_journal</source>
        <translation>Bienvenue dans rm_journal</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="271" />
        <source>Your mentoring journal stays on this computer, encrypted with a passphrase only you know. Nothing is ever sent over the network.</source>
        <translation>Votre journal de mentorat reste sur cet ordinateur, chiffré par une phrase secrète que vous seul connaissez. Rien n’est jamais envoyé sur le réseau.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="280" />
        <source>The only thing that can leave the device is a summary of the takeaways you and your partner agreed on, and only when you export it yourself.</source>
        <translation>La seule chose qui peut quitter l’appareil est une synthèse des enseignements validés par vous et votre binôme, et seulement quand vous l’exportez vous-même.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="286" />
        <source>Create my journal</source>
        <translation>Créer mon journal</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="294" />
        <source>Choose a passphrase</source>
        <translation>Choisissez une phrase secrète</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="298" />
        <source>It opens every journal on this computer. Nobody can recover it for you: not your company, not us. The next step gives you a recovery code, the only way back in if you forget it.</source>
        <translation>Elle ouvre tous les journaux de cet ordinateur. Personne ne peut la retrouver pour vous : ni votre entreprise, ni nous. L’étape suivante vous donne un code de secours, le seul moyen de revenir si vous l’oubliez.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="313" />
        <source>Create the encrypted journal</source>
        <translation>Créer le journal chiffré</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="324" />
        <source>Your recovery code</source>
        <translation>Votre code de secours</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="328" />
        <source>Write it down or save the recovery sheet, and keep it away from this computer. It is shown only now.</source>
        <translation>Notez-le ou enregistrez la fiche de secours, et gardez-la loin de cet ordinateur. Il n’est affiché qu’une fois.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="339" />
        <source>Recovery code</source>
        <translation>Code de secours</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="344" />
        <source>Save a recovery sheet (PDF)…</source>
        <translation>Enregistrer une fiche de secours (PDF)…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="347" />
        <source>I have written down or saved this code</source>
        <translation>J’ai noté ou enregistré ce code</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="349" />
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="358" />
        <source>Your first mentoring pair</source>
        <translation>Votre premier binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="362" />
        <source>Each pair has its own journal and its own key. You can add more pairs later.</source>
        <translation>Chaque binôme a son propre journal et sa propre clé. Vous pourrez en ajouter d’autres plus tard.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="376" />
        <source>Create the pair</source>
        <translation>Créer le binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="396" />
        <source>Protecting your journal… this takes a moment on purpose.</source>
        <translation>Protection de votre journal… cela prend un instant, volontairement.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="425" />
        <source>Save the recovery sheet</source>
        <translation>Enregistrer la fiche de secours</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="432" />
        <source>Recovery sheet not saved</source>
        <translation>Fiche de secours non enregistrée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="436" />
        <source>Recovery sheet saved</source>
        <translation>Fiche de secours enregistrée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="438" />
        <source>Print it or move it to a safe place, then delete the file from this computer.</source>
        <translation>Imprimez-la ou placez-la en lieu sûr, puis supprimez le fichier de cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="32" />
        <source>How a program usually runs</source>
        <translation>Comment se déroule un programme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="34" />
        <source>Reverse mentoring pairs a senior leader with a younger professional, the mentor, for about six months. The mentor brings how their generation works and sees things; the leader brings questions and the will to hear direct, unfiltered answers.</source>
        <translation>Le mentorat inversé associe un dirigeant expérimenté à un professionnel plus jeune, le mentor, pendant environ six mois. Le mentor apporte la façon dont sa génération travaille et voit les choses ; le dirigeant apporte ses questions et l’envie d’entendre des réponses directes, sans filtre.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="42" />
        <source>A kick-off meeting, where you write a charter together (the “Kick-off — pair charter” template).</source>
        <translation>Une rencontre de lancement, où vous écrivez ensemble une charte (le modèle « Lancement — charte du binôme »).</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="47" />
        <source>About six meetings, one a month, of an hour or so. The mentor prepares before; the leader writes a reflection after.</source>
        <translation>Environ six rencontres, une par mois, d’une heure environ. Le mentor prépare avant ; le dirigeant écrit sa réflexion après.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="52" />
        <source>A mid-point review, halfway: what works, what to change.</source>
        <translation>Un bilan à mi-parcours : ce qui marche, ce qu’il faut changer.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="56" />
        <source>A closing retrospective: what changed, what to keep, whether to go on.</source>
        <translation>Une rétrospective de clôture : ce qui a changé, ce qu’on garde, faut-il continuer.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="61" />
        <source>The effect builds up over the months rather than at once: write a few lines after every meeting, even short ones. The Journey tab shows the path.</source>
        <translation>L’effet se construit au fil des mois plutôt que d’un coup : écrivez quelques lignes après chaque rencontre, même courtes. L’onglet Parcours montre le chemin.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="70" />
        <source>The first meeting</source>
        <translation>La première rencontre</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="72" />
        <source>Create the pair (Journal → New pair…), then a session with the “Kick-off — pair charter” template, and fill it in together.</source>
        <translation>Créez le binôme (Journal → Nouveau binôme…), puis une séance avec le modèle « Lancement — charte du binôme », et remplissez-la ensemble.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="78" />
        <source>Confidentiality first: what is said stays between the two of you, and nothing is shared unless you both agree.</source>
        <translation>La confidentialité d’abord : ce qui se dit reste entre vous deux, et rien n’est partagé sans votre accord à tous les deux.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="83" />
        <source>What each of you expects, and two or three goals for the program.</source>
        <translation>Ce que chacun attend, et deux ou trois objectifs pour le programme.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="87" />
        <source>The cadence (once a month is usual) and the dates you can already set.</source>
        <translation>Le rythme (une fois par mois, en général) et les dates déjà possibles.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="91" />
        <source>How feedback is given: direct, kind, about facts rather than people.</source>
        <translation>La façon de se faire des retours : directs, bienveillants, sur les faits plutôt que sur les personnes.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="96" />
        <source>Mentor: the first sessions often feel awkward on both sides; that passes. Listen more than you speak, leave room for silences, ask open questions. The aim is not to criticise but to open a field of reflection.</source>
        <translation>Mentor : les premières séances sont souvent un peu gênées, des deux côtés ; cela passe. Écoutez plus que vous ne parlez, laissez de la place aux silences, posez des questions ouvertes. Il ne s’agit pas de critiquer mais d’ouvrir un champ de réflexion.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="102" />
        <source>Leader: here you are the one learning. Ask what you would not ask in a meeting, and note the answers that surprise you.</source>
        <translation>Dirigeant : ici, c’est vous qui apprenez. Posez les questions que vous ne poseriez pas en réunion, et notez les réponses qui vous surprennent.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="111" />
        <source>What stays private</source>
        <translation>Ce qui reste privé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="113" />
        <source>Everything you write stays on this computer, encrypted with your passphrase: sessions, notes, reflections, topics, actions and takeaways. rm_journal never connects to the network.</source>
        <translation>Tout ce que vous écrivez reste sur cet ordinateur, chiffré par votre phrase secrète : séances, notes, réflexions, sujets, actions et enseignements. rm_journal ne se connecte jamais au réseau.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="119" />
        <source>The leader’s reflection is never shared: not in the PDF, not in an exchange file. Each of you keeps a journal on your own computer, and neither can read the other’s.</source>
        <translation>La réflexion du dirigeant n’est jamais partagée : ni dans le PDF, ni dans un fichier d’échange. Chacun tient son journal sur son propre ordinateur, et aucun ne peut lire celui de l’autre.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="125" />
        <source>Each pair has its own journal and its own key. Removing a pair destroys its key: old copies of that journal can no longer be read.</source>
        <translation>Chaque binôme a son propre journal et sa propre clé. Supprimer un binôme détruit sa clé : les anciennes copies de ce journal ne peuvent plus être lues.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="130" />
        <source>A takeaway starts private. Only one you have both marked as agreed can leave this computer.</source>
        <translation>Un enseignement est d’abord privé. Seul un enseignement que vous avez tous deux validé peut quitter cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="139" />
        <source>What leaves, and how</source>
        <translation>Ce qui sort, et comment</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="141" />
        <source>Only the agreed takeaways and actions leave, and only in a file you save on purpose:</source>
        <translation>Seuls les enseignements et actions validés sortent, et seulement dans un fichier que vous enregistrez vous-même :</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="147" />
        <source>a shared summary PDF (Journal → Export shared summary…): you see exactly what it holds before it is saved, and it can carry a password;</source>
        <translation>une synthèse partagée en PDF (Journal → Exporter la synthèse partagée…) : vous voyez exactement son contenu avant de l’enregistrer, et elle peut être protégée par un mot de passe ;</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="152" />
        <source>an exchange file (the Exchange tab) that you hand to your partner yourself, to compare and agree on takeaways.</source>
        <translation>un fichier d’échange (onglet Échanges) que vous remettez vous-même à votre binôme, pour comparer et valider les enseignements.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="158" />
        <source>Every export is written in the pair’s Sharing log: when, what, and a short fingerprint you can compare with your partner’s to check you hold the same document.</source>
        <translation>Chaque export est inscrit dans le Journal des partages du binôme : quand, quoi, et une courte empreinte à comparer avec celle de votre binôme pour vérifier que vous avez le même document.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="164" />
        <source>Sharing your screen? Presenter mode (View menu, Ctrl+Shift+P) shows only what you both agreed on.</source>
        <translation>Vous partagez votre écran ? Le mode présentation (menu Affichage, Ctrl+Maj+P) ne montre que ce que vous avez validé ensemble.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="173" />
        <source>Lock, backups and the recovery code</source>
        <translation>Verrouillage, sauvegardes et code de secours</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="175" />
        <source>Lock with Ctrl+L when you step away. The journal also locks itself after a few idle minutes, and when the screen locks or the computer sleeps.</source>
        <translation>Verrouillez avec Ctrl+L quand vous vous éloignez. Le journal se verrouille aussi de lui-même après quelques minutes d’inactivité, et quand l’écran se verrouille ou que l’ordinateur se met en veille.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="180" />
        <source>Journal → Back up now writes an encrypted copy of everything (daily, if chosen in Settings). Copy the backups folder somewhere safe. A backup opens with the passphrase in force when it was taken.</source>
        <translation>Journal → Sauvegarder maintenant écrit une copie chiffrée de tout (chaque jour, si vous l’avez choisi dans les Réglages). Copiez le dossier des sauvegardes en lieu sûr. Une sauvegarde s’ouvre avec la phrase secrète en vigueur au moment où elle a été faite.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="186" />
        <source>The recovery code, shown once at the first run, is the only way back in if you forget the passphrase. Nobody else can open your journal: not your company, not us. Keep it on paper, away from this computer.</source>
        <translation>Le code de secours, affiché une seule fois au premier lancement, est le seul moyen de revenir si vous oubliez la phrase secrète. Personne d’autre ne peut ouvrir votre journal : ni votre entreprise, ni nous. Gardez-le sur papier, loin de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="192" />
        <source>Settings → Security changes the passphrase, replaces the recovery code if it may be lost or seen, and rotates every key if someone may know your passphrase.</source>
        <translation>Réglages → Sécurité permet de changer la phrase secrète, de remplacer le code de secours s’il a pu être perdu ou vu, et de renouveler toutes les clés si quelqu’un peut connaître votre phrase secrète.</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="226" />
        <source>rm_journal guide</source>
        <translation>Guide de rm_journal</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="232" />
        <source>Guide contents</source>
        <translation>Sommaire du guide</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/guide.py" line="242" />
        <source>Guide</source>
        <translation>Guide</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="417" />
        <source>Import from your partner</source>
        <translation>Importer depuis votre binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="424" />
        <source>Nothing new in this file.</source>
        <translation>Rien de nouveau dans ce fichier.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="441" />
        <source>New: added to your journal</source>
        <translation>Nouveau : ajouté à votre journal</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="437" />
        <source>New items</source>
        <translation>Nouveaux éléments</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="473" />
        <source>Changed: your version stays unless you tick your partner's. Nothing is deleted.</source>
        <translation>Modifié : votre version reste, sauf si vous cochez celle de votre binôme. Rien n’est supprimé.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="447" />
        <source>Changed items</source>
        <translation>Éléments modifiés</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="449" />
        <source>Yours</source>
        <translation>La vôtre</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="422" />
        <source>Your partner signed the shared summary.</source>
        <translation>Votre binôme a signé la synthèse partagée.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="427" />
        <source>This file brings %1 new item(s), %2 changed item(s) and %3 answer(s) from your partner. Nothing changes in your journal until you import it.</source>
        <translation>Ce fichier apporte %1 nouvel(s) élément(s), %2 élément(s) modifié(s) et %3 réponse(s) de votre binôme. Rien ne change dans votre journal avant l’import.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="449" />
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="449" />
        <source>Your partner's (tick to take it)</source>
        <translation>Celle de votre binôme (cochez pour la prendre)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="486" />
        <source>From your partner</source>
        <translation>De votre binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="493" />
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="506" />
        <source>Agenda</source>
        <translation>Ordre du jour</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="507" />
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="508" />
        <source>Takeaway</source>
        <translation>Enseignement</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="509" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="510" />
        <source>Session days</source>
        <translation>Dates de la séance</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="517" />
        <source>Agenda of session %1: %2</source>
        <translation>Ordre du jour de la séance %1 : %2</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="522" />
        <source>talking points: %1</source>
        <translation>points à partager : %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="553" />
        <source>Your partner proposes: %1</source>
        <translation>Votre binôme propose : %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="554" />
        <source>Your partner agrees: %1</source>
        <translation>Votre binôme valide : %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="555" />
        <source>Your partner dropped: %1</source>
        <translation>Votre binôme a abandonné : %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="559" />
        <source>anonymous in the summary, as your partner asks</source>
        <translation>anonyme dans la synthèse, à la demande de votre binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="560" />
        <source>never exported, as your partner asks</source>
        <translation>jamais exporté, à la demande de votre binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="581" />
        <source>Nothing imported</source>
        <translation>Rien n’a été importé</translation>
    </message>
</context>
<context>
    <name>ItemsEditor</name>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="357" />
        <source>Add a takeaway</source>
        <translation>Ajouter un enseignement</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="358" />
        <source>Add an action</source>
        <translation>Ajouter une action</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="359" />
        <source>Add a topic</source>
        <translation>Ajouter un sujet</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="371" />
        <source>One sentence you could both sign</source>
        <translation>Une phrase que vous pourriez signer tous les deux</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="372" />
        <source>A concrete next step</source>
        <translation>Une prochaine étape concrète</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="373" />
        <source>A subject for a later session</source>
        <translation>Un sujet pour une prochaine séance</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="132" />
        <location filename="../../rm_journal/ui/journal_page.py" line="136" />
        <source>Pairs</source>
        <translation>Binômes</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="142" />
        <source>New pair…</source>
        <translation>Nouveau binôme…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="145" />
        <location filename="../../rm_journal/ui/journal_page.py" line="151" />
        <source>Edit this pair…</source>
        <translation>Modifier ce binôme…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="152" />
        <source>End this relationship…</source>
        <translation>Terminer cette relation…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="153" />
        <source>Remove this pair…</source>
        <translation>Supprimer ce binôme…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="173" />
        <source>Coming soon</source>
        <translation>Bientôt</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="190" />
        <location filename="../../rm_journal/ui/journal_page.py" line="239" />
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="200" />
        <source>New entry…</source>
        <translation>Nouvelle entrée…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="202" />
        <source>Write a preparation, notes or a reflection, in the session it belongs to</source>
        <translation>Écrire une préparation, des notes ou une réflexion, dans la séance à laquelle elle appartient</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="206" />
        <source>Plan the next session</source>
        <translation>Prévoir la prochaine séance</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="208" />
        <source>A new session on the day proposed by your cadence and charter</source>
        <translation>Une nouvelle séance, au jour que proposent votre rythme et votre charte</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="221" />
        <source>Restore this journal from the newest backup…</source>
        <translation>Restaurer ce journal depuis la sauvegarde la plus récente…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="240" />
        <source>Takeaways</source>
        <translation>Enseignements</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="241" />
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="242" />
        <source>Topics</source>
        <translation>Sujets</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="243" />
        <source>Sharing log</source>
        <translation>Journal des partages</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="244" />
        <source>Export shared summary…</source>
        <translation>Exporter la synthèse partagée…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="247" />
        <source>Check a PDF…</source>
        <translation>Vérifier un PDF…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="249" />
        <source>Is this PDF one you exported, unchanged? Compares it with the sharing logs.</source>
        <translation>Ce PDF est-il bien celui que vous avez exporté, sans modification ? Le compare aux journaux des partages.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="255" />
        <source>Journey</source>
        <translation>Parcours</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="258" />
        <source>Exchange</source>
        <translation>Échanges</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="295" />
        <source>No pair yet. Create one with “New pair…”: each pair has its own encrypted journal.</source>
        <translation>Aucun binôme pour l’instant. Créez-en un avec « Nouveau binôme… » : chaque binôme a son propre journal chiffré.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="337" />
        <source>Changes not saved yet</source>
        <translation>Modifications pas encore enregistrées</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="339" />
        <source>The open session's last changes could not be saved: %1 They stay on screen and are saved as soon as it works again; then you can move on.</source>
        <translation>Les dernières modifications de la séance ouverte n’ont pas pu être enregistrées : %1 Elles restent à l’écran et seront enregistrées dès que ce sera possible ; vous pourrez alors continuer.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="404" />
        <source>Pair not created</source>
        <translation>Binôme non créé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="462" />
        <source>Session not created</source>
        <translation>Séance non créée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="487" />
        <source>Not reopened</source>
        <translation>Non rouverte</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="512" />
        <source>Damaged journal</source>
        <translation>Journal endommagé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="522" />
        <source>Pair not removed</source>
        <translation>Binôme non supprimé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="523" />
        <source>A backup is being written. Remove the pair again once it is done.</source>
        <translation>Une sauvegarde est en cours d’écriture. Supprimez le binôme à nouveau quand elle sera terminée.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="532" />
        <source>Pair not fully removed</source>
        <translation>Binôme pas entièrement supprimé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="537" />
        <source>The pair's key was destroyed and its journal deleted.</source>
        <translation>La clé du binôme a été détruite et son journal supprimé.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="541" />
        <source>One copy of the vault could not be read with the current keys to remove the pair's key (damaged, unfinished, or taken before the keys were rotated), so it was deleted: %2.</source>
        <translation>Une copie du coffre ne pouvait être lue avec les clés actuelles pour en retirer la clé du binôme (abîmée, inachevée, ou antérieure au renouvellement des clés) ; elle a donc été supprimée : %2.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="547" />
        <source>%1 copies of the vault could not be read with the current keys to remove the pair's key (damaged, unfinished, or taken before the keys were rotated), so they were deleted: %2.</source>
        <translation>%1 copies du coffre ne pouvaient être lues avec les clés actuelles pour en retirer la clé du binôme (abîmées, inachevées, ou antérieures au renouvellement des clés) ; elles ont donc été supprimées : %2.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="555" />
        <source>Copies kept elsewhere (other disks, synced folders, your partner's computer) still hold it: delete them too.</source>
        <translation>Les copies gardées ailleurs (autres disques, dossiers synchronisés, ordinateur de votre binôme) la contiennent encore : supprimez-les aussi.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="558" />
        <source>Pair removed</source>
        <translation>Binôme supprimé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="597" />
        <source>No session yet. Start with “New entry…” and pick a template: the charter for a first meeting, the regular session after that. Or plan the first session and give it a day.</source>
        <translation>Pas encore de séance. Commencez par « Nouvelle entrée… » et choisissez un modèle : la charte pour une première rencontre, la séance régulière ensuite. Ou prévoyez la première séance et donnez-lui un jour.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="736" />
        <source>Session %1 with %2 is planned for %3, and nothing is prepared yet.</source>
        <translation>La séance %1 avec %2 est prévue %3, et rien n’est encore préparé.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="792" />
        <source>Session not planned</source>
        <translation>Séance non prévue</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="807" />
        <source>Session not deleted</source>
        <translation>Séance non supprimée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="818" />
        <source>Move to another session…</source>
        <translation>Déplacer vers une autre séance…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="819" />
        <source>Delete this entry</source>
        <translation>Supprimer cette entrée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="831" />
        <source>A new session</source>
        <translation>Une nouvelle séance</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="833" />
        <source>Move the entry</source>
        <translation>Déplacer l’entrée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="833" />
        <source>To the session:</source>
        <translation>Vers la séance :</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="843" />
        <source>Entry not moved</source>
        <translation>Entrée non déplacée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="862" />
        <source>Entry not deleted</source>
        <translation>Entrée non supprimée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="878" />
        <source>Save the calendar file</source>
        <translation>Enregistrer le fichier d’agenda</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="879" />
        <source>meeting</source>
        <translation>rendez-vous</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="880" />
        <source>Calendar files (*.ics)</source>
        <translation>Fichiers d’agenda (*.ics)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="891" />
        <source>Calendar file: the planned day of one session, nothing else</source>
        <translation>Fichier d’agenda : le jour prévu d’une séance, rien d’autre</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="894" />
        <source>Calendar file: the planned days of %1 sessions, nothing else</source>
        <translation>Fichier d’agenda : les jours prévus de %1 séances, rien d’autre</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="900" />
        <source>One session saved in %1.</source>
        <translation>Une séance enregistrée dans %1.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="901" />
        <source>%1 sessions saved in %2.</source>
        <translation>%1 séances enregistrées dans %2.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="906" />
        <source>Calendar file saved</source>
        <translation>Fichier d’agenda enregistré</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="994" />
        <source>Entry not created</source>
        <translation>Entrée non créée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="1030" />
        <source>Export not possible</source>
        <translation>Export impossible</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="1194" />
        <source>Backup written</source>
        <translation>Sauvegarde écrite</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="1196" />
        <source>An encrypted backup was written and checked in %1. It opens with your current passphrase.</source>
        <translation>Une sauvegarde chiffrée a été écrite et vérifiée dans %1. Elle s’ouvre avec votre phrase secrète actuelle.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="1207" />
        <source>Backup not written</source>
        <translation>Sauvegarde non écrite</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="1225" />
        <location filename="../../rm_journal/ui/journal_page.py" line="1251" />
        <source>Journal not restored</source>
        <translation>Journal non restauré</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="1230" />
        <source>No backup of this journal</source>
        <translation>Aucune sauvegarde de ce journal</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="1232" />
        <source>No backup in the data folder holds a copy of this journal that verifies. If you keep backups elsewhere, restore the whole vault from one.</source>
        <translation>Aucune sauvegarde du dossier de données ne contient une copie vérifiée de ce journal. Si vous gardez des sauvegardes ailleurs, restaurez-en tout le coffre.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="1240" />
        <source>Restore this journal</source>
        <translation>Restaurer ce journal</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="1242" />
        <source>Replace the damaged journal with its copy of %1? What was written after that is not in it. The damaged file is kept beside it.</source>
        <translation>Remplacer le journal endommagé par sa copie du %1 ? Ce qui a été écrit depuis n’y figure pas. Le fichier endommagé est conservé à côté.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journal_page.py" line="1245" />
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
</context>
<context>
    <name>JourneyView</name>
    <message>
        <location filename="../../rm_journal/ui/journey.py" line="27" />
        <source>The pair's journey</source>
        <translation>Le parcours du binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journey.py" line="32" />
        <source>Session %1: %2 takeaways agreed and %3 commitments kept so far</source>
        <translation>Séance %1 : %2 enseignements validés et %3 engagements tenus à ce stade</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journey.py" line="56" />
        <source>The journey appears here once the pair has sessions.</source>
        <translation>Le parcours apparaît ici dès que le binôme a des séances.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journey.py" line="111" />
        <source>Takeaways agreed</source>
        <translation>Enseignements validés</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/journey.py" line="111" />
        <source>Commitments kept</source>
        <translation>Engagements tenus</translation>
    </message>
</context>
<context>
    <name>KeyRotation</name>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="87" />
        <source>Replace the recovery code</source>
        <translation>Remplacer le code de secours</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="91" />
        <source>A new recovery code will replace the current one, which will stop opening this vault. Backups taken before still open with the old code.</source>
        <translation>Un nouveau code de secours remplacera l’actuel, qui n’ouvrira plus ce coffre. Les sauvegardes faites avant s’ouvrent toujours avec l’ancien code.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="96" />
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="101" />
        <source>Writing a new recovery code…</source>
        <translation>Écriture d’un nouveau code de secours…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="114" />
        <source>New recovery code</source>
        <translation>Nouveau code de secours</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="115" />
        <source>Your new recovery code (shown once; write it down and keep it apart from this computer):

%1

The old code no longer opens this vault.</source>
        <translation>Votre nouveau code de secours (affiché une seule fois ; notez-le et gardez-le loin de cet ordinateur) :

%1

L’ancien code n’ouvre plus ce coffre.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="127" />
        <source>Recovery code not replaced</source>
        <translation>Code de secours non remplacé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="146" />
        <location filename="../../rm_journal/ui/key_rotation.py" line="182" />
        <location filename="../../rm_journal/ui/key_rotation.py" line="192" />
        <location filename="../../rm_journal/ui/key_rotation.py" line="198" />
        <location filename="../../rm_journal/ui/key_rotation.py" line="251" />
        <source>Keys not rotated</source>
        <translation>Clés non renouvelées</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="147" />
        <source>Another task is still running (a backup, or journals being opened). Try again in a moment.</source>
        <translation>Une autre tâche est encore en cours (une sauvegarde, ou l’ouverture des journaux). Réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="156" />
        <location filename="../../rm_journal/ui/key_rotation.py" line="169" />
        <location filename="../../rm_journal/ui/key_rotation.py" line="176" />
        <location filename="../../rm_journal/ui/key_rotation.py" line="214" />
        <source>Rotate every key</source>
        <translation>Renouveler toutes les clés</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="157" />
        <source>Every file will be re-encrypted under new keys, with a new passphrase and a new recovery code: nothing kept from before (a copy of the vault's key file, the old passphrase or code) will open what you write afterwards. Use it if someone may know your passphrase. Backups taken before still open with the old passphrase.</source>
        <translation>Chaque fichier sera chiffré à nouveau sous de nouvelles clés, avec une nouvelle phrase secrète et un nouveau code de secours : rien de ce qui a été gardé d’avant (une copie du fichier de clés du coffre, l’ancienne phrase ou l’ancien code) n’ouvrira ce que vous écrirez ensuite. À utiliser si quelqu’un peut connaître votre phrase secrète. Les sauvegardes faites avant s’ouvrent toujours avec l’ancienne phrase.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="164" />
        <source>Rotate</source>
        <translation>Renouveler</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="170" />
        <source>New passphrase:</source>
        <translation>Nouvelle phrase secrète :</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="177" />
        <source>The new passphrase again:</source>
        <translation>La nouvelle phrase secrète, à nouveau :</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="183" />
        <source>The two passphrases differ; nothing was changed. Try again.</source>
        <translation>Les deux phrases secrètes diffèrent ; rien n’a été modifié. Réessayez.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="199" />
        <source>The open session could not be saved, so nothing was changed.</source>
        <translation>La séance ouverte n’a pas pu être enregistrée, donc rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="208" />
        <source>Re-encrypting every file under new keys…</source>
        <translation>Nouveau chiffrement de chaque fichier sous de nouvelles clés…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="233" />
        <source>Every key was replaced and every file re-encrypted. Unlock with your new passphrase.

Your new recovery code (shown once; write it down and keep it apart from this computer):

%1</source>
        <translation>Toutes les clés ont été remplacées et chaque fichier chiffré à nouveau. Déverrouillez avec votre nouvelle phrase secrète.

Votre nouveau code de secours (affiché une seule fois ; notez-le et gardez-le loin de cet ordinateur) :

%1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="240" />
        <source>Backups taken before this rotation: %1. They still open with the OLD passphrase and hold the old keys. Make a fresh backup (Journal → Back up now), then delete the older ones from %2.</source>
        <translation>Sauvegardes faites avant ce renouvellement : %1. Elles s’ouvrent toujours avec l’ANCIENNE phrase secrète et contiennent les anciennes clés. Faites une nouvelle sauvegarde (Journal → Sauvegarder maintenant), puis supprimez les anciennes de %2.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/key_rotation.py" line="246" />
        <source>Keys rotated</source>
        <translation>Clés renouvelées</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="124" />
        <source>One item per line</source>
        <translation>Un élément par ligne</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="197" />
        <source>Takeaways</source>
        <translation>Enseignements</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="198" />
        <source>Private takeaways stay in your journal; proposed ones are drafts for the pair; only agreed ones can reach the shared summary. Double-click to edit: changing the words of an agreed takeaway reopens it as proposed.</source>
        <translation>Les enseignements privés restent dans votre journal ; les proposés sont des brouillons pour le binôme ; seuls les validés peuvent figurer dans la synthèse partagée. Double-cliquez pour modifier : changer les mots d’un enseignement validé le repasse en proposé.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="208" />
        <location filename="../../rm_journal/ui/pair_lists.py" line="214" />
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="209" />
        <source>All takeaways</source>
        <translation>Tous les enseignements</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="228" />
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="229" />
        <source>Open actions come back in the next session's form until they are done.</source>
        <translation>Les actions en cours reviennent dans la séance suivante jusqu’à ce qu’elles soient faites.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="236" />
        <source>Commitments</source>
        <translation>Engagements</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="249" />
        <source>Topics</source>
        <translation>Sujets</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="250" />
        <source>The mentor's backlog: ideas to bring up, why they matter to this leader, questions to ask. Double-click a topic to edit it; plan one for a session to find it in that session.</source>
        <translation>La réserve du mentor : les idées à aborder, pourquoi elles comptent pour ce dirigeant, les questions à poser. Double-cliquez sur un sujet pour le modifier ; prévoyez-en un pour une séance pour le retrouver dans cette séance.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="384" />
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="393" />
        <source>Session to plan for</source>
        <translation>Séance visée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="264" />
        <source>Sharing log</source>
        <translation>Journal des partages</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="220" />
        <source>Delete the selected takeaway</source>
        <translation>Supprimer l’enseignement sélectionné</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="241" />
        <source>Delete the selected action</source>
        <translation>Supprimer l’action sélectionnée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="265" />
        <source>Everything that left this computer from this pair's journal: when, what, to which file, and the fingerprint both of you can compare.</source>
        <translation>Tout ce qui a quitté cet ordinateur depuis le journal de ce binôme : quand, quoi, vers quel fichier, et l’empreinte que vous pouvez comparer tous les deux.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="309" />
        <source>Kept %1 · Dropped %2 · Open %3 (%4 overdue)</source>
        <translation>Tenus %1 · Abandonnés %2 · En cours %3 (%4 en retard)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="321" />
        <source>Session %1</source>
        <translation>Séance %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="345" />
        <source>Select a row first.</source>
        <translation>Sélectionnez d’abord une ligne.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="376" />
        <source>&amp;New topic…</source>
        <translation>&amp;Nouveau sujet…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="378" />
        <source>From the &amp;library…</source>
        <translation>De la &amp;bibliothèque…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="380" />
        <source>Ed&amp;it…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="382" />
        <location filename="../../rm_journal/ui/pair_lists.py" line="432" />
        <source>Set &amp;aside</source>
        <translation>Mettre de &amp;côté</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="390" />
        <source>Plan the selected topic for</source>
        <translation>Prévoir le sujet choisi pour</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="396" />
        <source>&amp;Plan for this session</source>
        <translation>&amp;Prévoir pour cette séance</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="430" />
        <source>Bring &amp;back</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="333" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_lists.py" line="541" />
        <source>Select a topic first, then the session to plan it for.</source>
        <translation>Choisissez d’abord un sujet, puis la séance pour laquelle le prévoir.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="165" />
        <source>Private — only in my journal</source>
        <translation>Privé — seulement dans mon journal</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="166" />
        <source>Proposed — a draft for the pair</source>
        <translation>Proposé — un brouillon pour le binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="167" />
        <source>Agreed by both</source>
        <translation>Validé par les deux</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="168" />
        <location filename="../../rm_journal/ui/record_models.py" line="178" />
        <location filename="../../rm_journal/ui/record_models.py" line="282" />
        <source>Dropped</source>
        <translation>Abandonné</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="172" />
        <source>Agreed by me</source>
        <translation>Validé par moi</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="175" />
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="176" />
        <source>Proposed</source>
        <translation>Proposé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="177" />
        <source>Agreed</source>
        <translation>Validé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="181" />
        <source>Named in the summary</source>
        <translation>Nommé dans la synthèse</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="182" />
        <source>Anonymous in the summary</source>
        <translation>Anonyme dans la synthèse</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="183" />
        <source>Never exported</source>
        <translation>Jamais exporté</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="187" />
        <source>Anonymous in the summary: your partner asked for it</source>
        <translation>Anonyme dans la synthèse : à la demande de votre binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="190" />
        <source>Never exported: your partner asked for it</source>
        <translation>Jamais exporté : à la demande de votre binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="193" />
        <source>Idea</source>
        <translation>Idée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="194" />
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="195" />
        <source>Discussed</source>
        <translation>Abordé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="196" />
        <source>Set aside</source>
        <translation>Mis de côté</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="223" />
        <source>Your partner</source>
        <translation>Votre binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="234" />
        <source>Takeaway</source>
        <translation>Enseignement</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="239" />
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="243" />
        <location filename="../../rm_journal/ui/record_models.py" line="333" />
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="250" />
        <source>Agreed on</source>
        <translation>Validé le</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="252" />
        <source>In the shared summary</source>
        <translation>Dans la synthèse partagée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="259" />
        <source>Changed after agreement</source>
        <translation>Modifié après validation</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="260" />
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="268" />
        <source>Both</source>
        <translation>Les deux</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="270" />
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="272" />
        <source>Partner</source>
        <translation>Binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="280" />
        <source>Done %1</source>
        <translation>Fait le %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="284" />
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="285" />
        <source>Open</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="289" />
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="295" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="300" />
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="306" />
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="308" />
        <source>From session</source>
        <translation>Séance d’origine</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="312" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="327" />
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="328" />
        <source>Why it matters</source>
        <translation>Pourquoi c’est important</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="330" />
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="342" />
        <source>Planned for session %1</source>
        <translation>Prévu pour la séance %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="353" />
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="354" />
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="355" />
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/record_models.py" line="356" />
        <source>Fingerprint</source>
        <translation>Empreinte</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="153" />
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="155" />
        <source>New &amp;pair…</source>
        <translation>Nouveau &amp;binôme…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="158" />
        <source>Ed&amp;it this pair…</source>
        <translation>&amp;Modifier ce binôme…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="161" />
        <source>En&amp;d this relationship…</source>
        <translation>&amp;Terminer cette relation…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="164" />
        <source>&amp;Remove this pair…</source>
        <translation>&amp;Supprimer ce binôme…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="167" />
        <source>&amp;New entry…</source>
        <translation>&amp;Nouvelle entrée…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="173" />
        <source>Plan the next &amp;session</source>
        <translation>Prévoir la prochaine &amp;séance</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="179" />
        <source>&amp;Move this entry to another session…</source>
        <translation>&amp;Déplacer cette entrée vers une autre séance…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="185" />
        <source>&amp;Delete this entry</source>
        <translation>S&amp;upprimer cette entrée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="191" />
        <source>Add to &amp;calendar…</source>
        <translation>Ajouter à l’&amp;agenda…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="197" />
        <source>&amp;Search…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="206" />
        <source>&amp;Export shared summary…</source>
        <translation>&amp;Exporter la synthèse partagée…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="212" />
        <source>&amp;Templates…</source>
        <translation>&amp;Modèles…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="216" />
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="219" />
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Restaurer depuis une sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="222" />
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="224" />
        <source>&amp;Settings…</source>
        <translation>&amp;Réglages…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="228" />
        <source>Rotate every key…</source>
        <translation>Renouveler toutes les clés…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="230" />
        <source>Replace the recovery code…</source>
        <translation>Remplacer le code de secours…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="233" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="234" />
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="236" />
        <location filename="../../rm_journal/ui/window.py" line="317" />
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="239" />
        <location filename="../../rm_journal/ui/window.py" line="322" />
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="244" />
        <source>&amp;Copy (cleared after a while)</source>
        <translation>&amp;Copier (effacé après un moment)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="249" />
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="251" />
        <source>&amp;Presenter mode</source>
        <translation>Mode &amp;présentation</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="257" />
        <source>For screen sharing: show only what you both agreed on (%1)</source>
        <translation>Pour le partage d’écran : n’afficher que ce que vous avez validé ensemble (%1)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="261" />
        <source>Screen sharing</source>
        <translation>Partage d’écran</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="267" />
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="269" />
        <source>&amp;Guide</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="271" />
        <source>&amp;About rm_journal</source>
        <translation>À &amp;propos de rm_journal</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="315" />
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="320" />
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="330" />
        <source>%1 Undo with %2.</source>
        <translation>%1 Annulez avec %2.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="337" />
        <source>Not undone</source>
        <translation>Non annulé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="427" />
        <source>Changes put back</source>
        <translation>Modifications rétablies</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="429" />
        <source>Changes that could not be saved before the journal locked are back in their session; they are saved as soon as the disk allows.</source>
        <translation>Les modifications qui n’avaient pas pu être enregistrées avant le verrouillage sont de retour dans leur séance ; elles seront enregistrées dès que le disque le permettra.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="436" />
        <source>Changes lost</source>
        <translation>Modifications perdues</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="438" />
        <source>Changes that could not be saved before the journal locked could not be put back: their session no longer exists.</source>
        <translation>Les modifications qui n’avaient pas pu être enregistrées avant le verrouillage n’ont pas pu être rétablies : leur séance n’existe plus.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="451" />
        <source>Choose a backup</source>
        <translation>Choisir une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="451" />
        <source>rm_journal backup (manifest.json)</source>
        <translation>Sauvegarde rm_journal (manifest.json)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="458" />
        <source>Not a backup</source>
        <translation>Pas une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="463" />
        <source>Restore from a backup</source>
        <translation>Restaurer depuis une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="465" />
        <source>The whole vault will be replaced by this backup of %1; the vault as it is now is kept as a backup first. The backup opens with the passphrase that was in force on %1.</source>
        <translation>Tout le coffre sera remplacé par cette sauvegarde du %1 ; le coffre actuel est d’abord conservé en sauvegarde. La sauvegarde s’ouvre avec la phrase secrète en vigueur le %1.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="469" />
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="474" />
        <source>Passphrase of the backup</source>
        <translation>Phrase secrète de la sauvegarde</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="475" />
        <source>The passphrase in force on %1:</source>
        <translation>La phrase secrète en vigueur le %1 :</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="490" />
        <source>Vault restored</source>
        <translation>Coffre restauré</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="491" />
        <source>Unlock it with the passphrase that was in force on %1.</source>
        <translation>Déverrouillez-le avec la phrase secrète en vigueur le %1.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="498" />
        <source>Vault not restored</source>
        <translation>Coffre non restauré</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="651" />
        <source>About rm_journal</source>
        <translation>À propos de rm_journal</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="653" />
        <source>rm_journal %1 — confidential journals for reverse mentoring. Your notes stay on this computer, encrypted.</source>
        <translation>rm_journal %1 — journaux confidentiels pour le mentorat inversé. Vos notes restent sur cet ordinateur, chiffrées.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="661" />
        <location filename="../../rm_journal/ui/window.py" line="673" />
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="663" />
        <source>Changes made before the journal locked are not saved yet; unlock to save them. Quit anyway and lose them?</source>
        <translation>Des modifications faites avant le verrouillage ne sont pas encore enregistrées ; déverrouillez pour les enregistrer. Quitter quand même et les perdre ?</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="674" />
        <source>Some changes could not be saved: %1 Quit anyway and lose them?</source>
        <translation>Certaines modifications n’ont pas pu être enregistrées : %1 Quitter quand même et les perdre ?</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/window.py" line="666" />
        <location filename="../../rm_journal/ui/window.py" line="677" />
        <source>Quit without saving</source>
        <translation>Quitter sans enregistrer</translation>
    </message>
</context>
<context>
    <name>MeetingHeader</name>
    <message>
        <location filename="../../rm_journal/ui/meeting_header.py" line="64" />
        <source>Planned date</source>
        <translation>Date prévue</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_header.py" line="65" />
        <source>Held on</source>
        <translation>Tenue le</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_header.py" line="65" />
        <source>Not held yet</source>
        <translation>Pas encore tenue</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_header.py" line="66" />
        <source>Planned</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_header.py" line="66" />
        <source>Held</source>
        <translation>Tenue</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_header.py" line="73" />
        <source>Add to calendar…</source>
        <translation>Ajouter à l’agenda…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_header.py" line="75" />
        <source>Save an .ics file with this day and a neutral title: it names nobody</source>
        <translation>Enregistrer un fichier .ics avec ce jour et un titre neutre : il ne nomme personne</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_header.py" line="88" />
        <source>Mark as %1</source>
        <translation>Marquer comme %1</translation>
    </message>
</context>
<context>
    <name>MeetingPage</name>
    <message>
        <location filename="../../rm_journal/ui/meeting_page.py" line="67" />
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_page.py" line="76" />
        <source>Nothing written for this session yet. A mentor usually prepares it; after it, each of you can reflect.</source>
        <translation>Rien d’écrit pour cette séance. Le mentor la prépare en général ; après, chacun peut y réfléchir.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_page.py" line="88" />
        <source>Open the entry %1</source>
        <translation>Ouvrir l’entrée %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_page.py" line="93" />
        <source>New entry for this session…</source>
        <translation>Nouvelle entrée pour cette séance…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_page.py" line="99" />
        <source>Delete this session</source>
        <translation>Supprimer cette séance</translation>
    </message>
</context>
<context>
    <name>MeetingTreeModel</name>
    <message>
        <location filename="../../rm_journal/ui/meeting_models.py" line="36" />
        <source>Session %1 of %2</source>
        <translation>Séance %1 sur %2</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_models.py" line="38" />
        <source>Session %1</source>
        <translation>Séance %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/meeting_models.py" line="211" />
        <source>no entry yet</source>
        <translation>aucune entrée</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../rm_journal/core/errors.py" line="42" />
        <source>The passphrase is not correct. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>La phrase secrète est incorrecte. Vérifiez la disposition du clavier et la touche Verr. Maj, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/errors.py" line="49" />
        <source>This recovery code does not open this vault. Check that it belongs to this computer's vault.</source>
        <translation>Ce code de secours n’ouvre pas ce coffre. Vérifiez qu’il appartient bien au coffre de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/errors.py" line="58" />
        <source>This recovery code has a typo. Compare it group by group with your recovery sheet.</source>
        <translation>Ce code de secours contient une faute de frappe. Comparez-le groupe par groupe avec votre fiche de secours.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/errors.py" line="67" />
        <source>This passphrase is too short or too easy to guess: use at least 8 characters, for example a few unrelated words.</source>
        <translation>Cette phrase secrète est trop courte ou trop facile à deviner : utilisez au moins 8 caractères, par exemple quelques mots sans rapport entre eux.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/errors.py" line="91" />
        <source>The vault is damaged or was modified, so it cannot be opened. Nothing was changed; restore the data folder from a backup.</source>
        <translation>Le coffre est endommagé ou a été modifié ; il ne peut pas être ouvert. Rien n’a été changé ; restaurez le dossier de données depuis une sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/errors.py" line="100" />
        <source>This pair's journal is damaged. The other pairs are fine; restore this one from a backup. Nothing was changed.</source>
        <translation>Le journal de ce binôme est endommagé. Les autres binômes sont intacts ; restaurez celui-ci depuis une sauvegarde. Rien n’a été changé.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/errors.py" line="109" />
        <source>The vault's index (vault.db) is older than the last state this computer recorded (an older copy of the file, or its log was lost). Nothing was changed; restore the data folder from a backup.</source>
        <translation>L’index du coffre (vault.db) est plus ancien que le dernier état enregistré sur cet ordinateur (une copie plus ancienne du fichier, ou son journal d’écriture a été perdu). Rien n’a été changé ; restaurez le dossier de données depuis une sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/errors.py" line="118" />
        <source>This pair's journal is older than the last state this computer recorded (an older copy of the file, or its log was lost). Nothing was changed; restore this pair from a backup.</source>
        <translation>Le journal de ce binôme est plus ancien que le dernier état enregistré sur cet ordinateur (une copie plus ancienne du fichier, ou son journal d’écriture a été perdu). Rien n’a été changé ; restaurez ce binôme depuis une sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/errors.py" line="127" />
        <source>Could not write to the disk: it is full, read-only or unavailable. Free some space or check the folder, then try again; nothing saved before was lost.</source>
        <translation>Écriture impossible sur le disque : il est plein, en lecture seule ou indisponible. Libérez de l’espace ou vérifiez le dossier, puis réessayez ; rien de ce qui était enregistré n’est perdu.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/errors.py" line="134" />
        <source>rm_journal is already open with this data folder. Close the other window first.</source>
        <translation>rm_journal est déjà ouvert avec ce dossier de données. Fermez d’abord l’autre fenêtre.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/errors.py" line="147" />
        <source>The vault is locked. Unlock it with your passphrase first.</source>
        <translation>Le coffre est verrouillé. Déverrouillez-le d’abord avec votre phrase secrète.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/errors.py" line="156" />
        <source>This item no longer exists; it may have been deleted in the meantime.</source>
        <translation>Cet élément n’existe plus ; il a peut-être été supprimé entre-temps.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/errors.py" line="165" />
        <source>This relationship has ended: reopen it to write in its journal.</source>
        <translation>Cette relation est terminée : rouvrez-la pour écrire dans son journal.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/errors.py" line="180" />
        <source>This vault was written by a newer version of rm_journal. Install the latest version to open it; nothing was changed.</source>
        <translation>Ce coffre a été écrit par une version plus récente de rm_journal. Installez la dernière version pour l’ouvrir ; rien n’a été changé.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/errors.py" line="193" />
        <source>Something unexpected went wrong in rm_journal; nothing was changed. Please report it.</source>
        <translation>Un problème inattendu est survenu dans rm_journal ; rien n’a été changé. Merci de le signaler.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/exchange/identity.py" line="70" />
        <source>This is not a pairing block: it starts with the line -----BEGIN RM_JOURNAL PAIRING----- and ends with -----END RM_JOURNAL PAIRING-----. Paste the whole block.</source>
        <translation>Ce n’est pas un bloc d’association : il commence par la ligne -----BEGIN RM_JOURNAL PAIRING----- et finit par -----END RM_JOURNAL PAIRING-----. Collez le bloc entier.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/exchange/identity.py" line="77" />
        <source>This pairing block is damaged (some characters are missing or changed). Ask your partner to send it again.</source>
        <translation>Ce bloc d’association est abîmé (des caractères manquent ou ont changé). Demandez à votre binôme de le renvoyer.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/exchange/identity.py" line="84" />
        <source>This pairing block was made by a newer version of rm_journal. Install the latest version, then paste it again.</source>
        <translation>Ce bloc d’association vient d’une version plus récente de rm_journal. Installez la dernière version, puis collez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/exchange/identity.py" line="91" />
        <source>This is your own pairing block. Paste the block your partner sent you.</source>
        <translation>C’est votre propre bloc d’association. Collez celui que votre binôme vous a envoyé.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/exchange/identity.py" line="98" />
        <source>This block comes from someone with your own role in the pair (two leaders or two mentors). Check that it is your partner's block for this pair.</source>
        <translation>Ce bloc vient de quelqu’un qui a le même rôle que vous (deux dirigeants ou deux mentors). Vérifiez que c’est bien le bloc de votre binôme pour ce binôme.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/exchange/identity.py" line="105" />
        <source>This pair is already linked to your partner's confirmed keys. Unlink it first if your partner really has new keys (a new computer or a new vault).</source>
        <translation>Ce binôme est déjà associé aux clés confirmées de votre binôme. Dissociez-le d’abord si votre binôme a vraiment de nouvelles clés (un nouvel ordinateur ou un nouveau coffre).</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/exchange/identity.py" line="112" />
        <source>Paste your partner's pairing block first; then compare the safety number.</source>
        <translation>Collez d’abord le bloc d’association de votre binôme ; comparez ensuite le numéro de sécurité.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/exchange/identity.py" line="119" />
        <source>This safety number does not match the one computed here, so the pair was not linked. Someone may have changed a pairing block on the way: exchange them again.</source>
        <translation>Ce numéro de sécurité ne correspond pas à celui calculé ici ; le binôme n’a donc pas été associé. Quelqu’un a peut-être modifié un bloc en chemin : échangez-les à nouveau.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/exchange/envelope.py" line="65" />
        <source>This is not an rm_journal exchange file (.rmjx). Choose the file your partner sent.</source>
        <translation>Ce n’est pas un fichier d’échange rm_journal (.rmjx). Choisissez le fichier envoyé par votre binôme.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/exchange/envelope.py" line="72" />
        <source>This exchange file is damaged or was changed after it was written, so it was not imported. Ask your partner to send it again.</source>
        <translation>Ce fichier d’échange est abîmé ou a été modifié après son écriture ; il n’a donc pas été importé. Demandez à votre binôme de le renvoyer.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/exchange/envelope.py" line="79" />
        <source>This file is far larger than any exchange file can be, so it was not opened.</source>
        <translation>Ce fichier est bien plus gros qu’un fichier d’échange ne peut l’être ; il n’a pas été ouvert.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/exchange/envelope.py" line="86" />
        <source>This exchange file was written by a newer version of rm_journal. Install the latest version, then import it again.</source>
        <translation>Ce fichier d’échange vient d’une version plus récente de rm_journal. Installez la dernière version, puis importez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/exchange/envelope.py" line="93" />
        <source>This exchange file belongs to another pair, so it was not imported. Import it into the pair it was sent for.</source>
        <translation>Ce fichier d’échange appartient à un autre binôme ; il n’a pas été importé. Importez-le dans le binôme auquel il est destiné.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/exchange/envelope.py" line="100" />
        <source>This exchange file was encrypted for someone else (another device or another vault), so it cannot be read here. Ask your partner to send it to this vault.</source>
        <translation>Ce fichier d’échange a été chiffré pour quelqu’un d’autre (un autre appareil ou un autre coffre) ; il ne peut pas être lu ici. Demandez à votre binôme de l’envoyer pour ce coffre.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/exchange/envelope.py" line="107" />
        <source>This exchange file was not sent by your partner's confirmed key, so it was not imported. If your partner has a new computer, link the pair again.</source>
        <translation>Ce fichier d’échange n’a pas été envoyé avec la clé confirmée de votre binôme ; il n’a pas été importé. Si votre binôme a un nouvel ordinateur, associez à nouveau le binôme.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/exchange/envelope.py" line="114" />
        <source>This pair is not linked yet: compare the safety number with your partner and confirm it first, then import the file.</source>
        <translation>Ce binôme n’est pas encore associé : comparez d’abord le numéro de sécurité avec votre binôme et confirmez-le, puis importez le fichier.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/core/exchange/envelope.py" line="121" />
        <source>This exchange file was already imported, or is older than one already imported from your partner; nothing was changed.</source>
        <translation>Ce fichier d’échange a déjà été importé, ou il est plus ancien qu’un fichier déjà importé de votre binôme ; rien n’a changé.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/messages.py" line="32" />
        <source>Something unexpected went wrong; nothing was changed.</source>
        <translation>Un problème inattendu est survenu ; rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="156" />
        <source>New pair</source>
        <translation>Nouveau binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="164" />
        <source>Create the pair</source>
        <translation>Créer le binôme</translation>
    </message>
</context>
<context>
    <name>PairForm</name>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="74" />
        <source>A first name, or an alias</source>
        <translation>Un prénom, ou un alias</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="75" />
        <source>Partner's name or alias</source>
        <translation>Prénom ou alias du binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="76" />
        <source>Suggest an alias</source>
        <translation>Suggérer un alias</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="80" />
        <source>Partner</source>
        <translation>Binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="81" />
        <source>An alias keeps the name out of anything you ever export.</source>
        <translation>Un alias tient le nom à l’écart de tout ce que vous exporterez.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="87" />
        <source>I am the leader (mentored)</source>
        <translation>Je suis le dirigeant (mentoré)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="88" />
        <source>I am the mentor</source>
        <translation>Je suis le mentor</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="96" />
        <source>My role</source>
        <translation>Mon rôle</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="99" />
        <source>For example: Reverse mentoring 2027</source>
        <translation>Par exemple : Mentorat inversé 2027</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="100" />
        <location filename="../../rm_journal/ui/forms.py" line="101" />
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="103" />
        <location filename="../../rm_journal/ui/forms.py" line="105" />
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="109" />
        <source>Every month</source>
        <translation>Chaque mois</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="110" />
        <source>Every two weeks</source>
        <translation>Toutes les deux semaines</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="111" />
        <source>Every week</source>
        <translation>Chaque semaine</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="112" />
        <source>When we can</source>
        <translation>Quand nous pouvons</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="115" />
        <source>Cadence</source>
        <translation>Rythme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="116" />
        <source>We meet</source>
        <translation>Nous nous voyons</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="121" />
        <source>Language of the pair</source>
        <translation>Langue du binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="122" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>PairListModel</name>
    <message>
        <location filename="../../rm_journal/ui/item_models.py" line="96" />
        <source>Pair %1</source>
        <translation>Binôme %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/item_models.py" line="98" />
        <source>Damaged journal</source>
        <translation>Journal endommagé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/item_models.py" line="104" />
        <source>Restore it from a backup</source>
        <translation>Restaurez-le depuis une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/item_models.py" line="107" />
        <source>You mentor</source>
        <translation>Vous êtes mentor</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/item_models.py" line="109" />
        <source>You are mentored</source>
        <translation>Vous êtes mentoré</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/item_models.py" line="111" />
        <source>Ended on %1</source>
        <translation>Terminée le %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/item_models.py" line="116" />
        <source>%1 · next session %2</source>
        <translation>%1 · prochaine séance le %2</translation>
    </message>
</context>
<context>
    <name>PartnerTab</name>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="59" />
        <source>Link with your partner's computer</source>
        <translation>Association avec l’ordinateur de votre binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="63" />
        <source>Safety number</source>
        <translation>Numéro de sécurité</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="71" />
        <source>Copy my pairing block</source>
        <translation>Copier mon bloc d’association</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="73" />
        <source>Save my pairing block…</source>
        <translation>Enregistrer mon bloc d’association…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="79" />
        <source>Paste my partner's block…</source>
        <translation>Coller le bloc de mon binôme…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="81" />
        <source>The numbers match</source>
        <translation>Les numéros sont identiques</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="83" />
        <source>Unlink…</source>
        <translation>Dissocier…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="97" />
        <source>Send to your partner</source>
        <translation>Envoyer à votre binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="102" />
        <source>Choose what goes into the file. It is encrypted for your partner's computer alone and signed by yours; carry it as you like (mail, USB stick). Nothing private is ever included.</source>
        <translation>Choisissez ce que contient le fichier. Il est chiffré pour le seul ordinateur de votre binôme et signé par le vôtre ; transmettez-le comme vous voulez (courriel, clé USB). Rien de privé n’y figure jamais.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="110" />
        <source>The agenda of</source>
        <translation>L’ordre du jour de la</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="112" />
        <source>Session of the agenda</source>
        <translation>Séance de l’ordre du jour</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="117" />
        <source>My topic backlog</source>
        <translation>Ma réserve de sujets</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="118" />
        <source>Takeaways proposed or agreed</source>
        <translation>Les enseignements proposés ou validés</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="121" />
        <source>Actions for my partner or for both of us</source>
        <translation>Les actions de mon binôme ou de nous deux</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="124" />
        <source>My signature of the shared summary (what we both agreed)</source>
        <translation>Ma signature de la synthèse partagée (ce que nous avons validé tous les deux)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="130" />
        <source>Write the exchange file…</source>
        <translation>Écrire le fichier d’échange…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="137" />
        <source>Receive from your partner</source>
        <translation>Recevoir de votre binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="141" />
        <source>Import a file from my partner…</source>
        <translation>Importer un fichier de mon binôme…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="147" />
        <location filename="../../rm_journal/ui/partner_tab.py" line="150" />
        <source>Agendas from your partner</source>
        <translation>Ordres du jour de votre binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="191" />
        <source>Linked with your partner's computer. Files you write can be opened only there, and only files signed there are imported here. Safety number:</source>
        <translation>Associé à l’ordinateur de votre binôme. Les fichiers que vous écrivez ne s’ouvrent que là-bas, et seuls les fichiers signés là-bas sont importés ici. Numéro de sécurité :</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="198" />
        <source>Compare this safety number with the one on your partner's screen, digit by digit, in person or on a call you trust. If every digit is the same, confirm. If not, do not: a block was changed on the way.</source>
        <translation>Comparez ce numéro de sécurité avec celui affiché chez votre binôme, chiffre par chiffre, en personne ou lors d’un appel de confiance. Si tous les chiffres sont identiques, confirmez. Sinon, ne confirmez pas : un bloc a été modifié en chemin.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="206" />
        <source>Not linked yet. Give your partner your pairing block (public keys only, no name, no notes) and paste theirs here. You will then both see the same safety number.</source>
        <translation>Pas encore associé. Donnez à votre binôme votre bloc d’association (des clés publiques seulement : ni nom, ni notes) et collez le sien ici. Vous verrez alors tous les deux le même numéro de sécurité.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="220" />
        <source>session %1</source>
        <translation>séance %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="224" />
        <source>Session %1</source>
        <translation>Séance %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="230" />
        <source>Talking points your partner shares with you:</source>
        <translation>Points que votre binôme partage avec vous :</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="250" />
        <source>Pairing block not available</source>
        <translation>Bloc d’association indisponible</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="266" />
        <source>Save my pairing block</source>
        <translation>Enregistrer mon bloc d’association</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="268" />
        <source>Text files (*.txt)</source>
        <translation>Fichiers texte (*.txt)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="275" />
        <source>Pairing block not saved</source>
        <translation>Bloc d’association non enregistré</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="285" />
        <source>Your partner's pairing block</source>
        <translation>Le bloc d’association de votre binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="286" />
        <source>Paste the whole block your partner sent you, from BEGIN to END:</source>
        <translation>Collez le bloc entier envoyé par votre binôme, de BEGIN à END :</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="293" />
        <source>Pairing block not accepted</source>
        <translation>Bloc d’association refusé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="304" />
        <source>Confirm the link</source>
        <translation>Confirmer l’association</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="306" />
        <source>Did you compare every digit of the safety number with your partner's screen, and are they all the same?</source>
        <translation>Avez-vous comparé chaque chiffre du numéro de sécurité avec l’écran de votre binôme, et sont-ils tous identiques ?</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="309" />
        <source>They are the same</source>
        <translation>Ils sont identiques</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="315" />
        <source>Link not confirmed</source>
        <translation>Association non confirmée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="324" />
        <source>Unlink the pair</source>
        <translation>Dissocier le binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="326" />
        <source>Files from your partner will be refused until you link again, with new pairing blocks on both sides. Your journal keeps everything it holds.</source>
        <translation>Les fichiers de votre binôme seront refusés jusqu’à une nouvelle association, avec de nouveaux blocs des deux côtés. Votre journal garde tout ce qu’il contient.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="329" />
        <source>Unlink</source>
        <translation>Dissocier</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="335" />
        <source>Not unlinked</source>
        <translation>Non dissocié</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="360" />
        <source>Nothing written</source>
        <translation>Rien n’a été écrit</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="364" />
        <source>Write the exchange file</source>
        <translation>Écrire le fichier d’échange</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="366" />
        <source>rm_journal exchange files (*.rmjx)</source>
        <translation>Fichiers d’échange rm_journal (*.rmjx)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="373" />
        <source>Exchange file not written</source>
        <translation>Fichier d’échange non écrit</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="384" />
        <source>Import a file from my partner</source>
        <translation>Importer un fichier de mon binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="385" />
        <source>rm_journal exchange files (*.rmjx);;All files (*)</source>
        <translation>Fichiers d’échange rm_journal (*.rmjx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/partner_tab.py" line="393" />
        <source>Nothing imported</source>
        <translation>Rien n’a été importé</translation>
    </message>
</context>
<context>
    <name>PassphraseChangeDialog</name>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="79" />
        <location filename="../../rm_journal/ui/security_panel.py" line="112" />
        <source>Change the passphrase</source>
        <translation>Changer la phrase secrète</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="85" />
        <source>A backup of the whole vault is written and checked first; it keeps opening with the current passphrase. Then only the vault's key file changes: it takes a few seconds, whatever the size of your journals.</source>
        <translation>Une sauvegarde de tout le coffre est d’abord écrite et vérifiée ; elle s’ouvrira toujours avec la phrase secrète actuelle. Ensuite, seul le fichier de clés du coffre change : cela prend quelques secondes, quelle que soit la taille de vos journaux.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="95" />
        <location filename="../../rm_journal/ui/security_panel.py" line="99" />
        <source>Current passphrase</source>
        <translation>Phrase secrète actuelle</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="100" />
        <source>The new passphrase, twice:</source>
        <translation>La nouvelle phrase secrète, deux fois :</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="103" />
        <source>Changing the passphrase</source>
        <translation>Changement de la phrase secrète</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="107" />
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="161" />
        <source>Your passphrase was changed: use the new one from now on. The keys stay the same: if someone may know the old passphrase, rotate every key.</source>
        <translation>Votre phrase secrète a été changée : utilisez désormais la nouvelle. Les clés restent les mêmes : si quelqu’un peut connaître l’ancienne phrase, renouvelez toutes les clés.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="166" />
        <source>First, a backup of the whole vault was written and checked: %1. It opens with the OLD passphrase.</source>
        <translation>D’abord, une sauvegarde de tout le coffre a été écrite et vérifiée : %1. Elle s’ouvre avec l’ANCIENNE phrase secrète.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="169" />
        <source>Passphrase changed</source>
        <translation>Phrase secrète changée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="178" />
        <source>The current passphrase is not correct; nothing was changed.</source>
        <translation>La phrase secrète actuelle est incorrecte ; rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <location filename="../../rm_journal/ui/passphrase_fields.py" line="38" />
        <source>New passphrase</source>
        <translation>Nouvelle phrase secrète</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/passphrase_fields.py" line="41" />
        <source>New passphrase, again</source>
        <translation>Nouvelle phrase secrète, à nouveau</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/passphrase_fields.py" line="46" />
        <source>Passphrase strength</source>
        <translation>Solidité de la phrase secrète</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/passphrase_fields.py" line="49" />
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/passphrase_fields.py" line="52" />
        <source>Again</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/passphrase_fields.py" line="62" />
        <source>Too weak</source>
        <translation>Trop faible</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/passphrase_fields.py" line="63" />
        <source>Weak</source>
        <translation>Faible</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/passphrase_fields.py" line="64" />
        <source>Fair</source>
        <translation>Correcte</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/passphrase_fields.py" line="65" />
        <source>Strong</source>
        <translation>Solide</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/passphrase_fields.py" line="66" />
        <source>Very strong</source>
        <translation>Très solide</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/passphrase_fields.py" line="72" />
        <source>A few unrelated words are easy to remember and hard to guess.</source>
        <translation>Quelques mots sans rapport entre eux sont faciles à retenir et difficiles à deviner.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/passphrase_fields.py" line="74" />
        <source>At least %1 characters.</source>
        <translation>Au moins %1 caractères.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/passphrase_fields.py" line="76" />
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
</context>
<context>
    <name>PdfCheck</name>
    <message>
        <location filename="../../rm_journal/ui/pdf_check.py" line="26" />
        <source>This is the very file exported on %1 UTC (fingerprint %2): not a byte has changed.</source>
        <translation>C’est exactement le fichier exporté le %1 UTC (empreinte %2) : pas un octet n’a changé.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pdf_check.py" line="31" />
        <source>Same agreed items as the summary exported on %1 UTC (fingerprint %2), but not the same file: your partner's export, another language, or a copy changed since. Read its pages against your own copy.</source>
        <translation>Mêmes éléments validés que la synthèse exportée le %1 UTC (empreinte %2), mais pas le même fichier : l’export de votre binôme, une autre langue, ou une copie modifiée depuis. Relisez ses pages en regard de votre propre exemplaire.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pdf_check.py" line="38" />
        <source>This PDF is consistent (fingerprint %2), but no export in your sharing logs has that fingerprint.</source>
        <translation>Ce PDF est cohérent (empreinte %2), mais aucun export de vos journaux des partages n’a cette empreinte.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pdf_check.py" line="44" />
        <source>This PDF's signatures are not those of a pair linked in this vault, or do not match its agreed items: do not trust who it says agreed.</source>
        <translation>Les signatures de ce PDF ne sont pas celles d’un binôme associé dans ce coffre, ou ne correspondent pas à ses éléments validés : ne vous fiez pas à qui il dit avoir validé.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pdf_check.py" line="50" />
        <source>This PDF was changed after it was exported, or was not made by rm_journal: its pages, its list of agreed items and its fingerprint do not match.</source>
        <translation>Ce PDF a été modifié après son export, ou n’a pas été produit par rm_journal : ses pages, sa liste d’éléments validés et son empreinte ne concordent pas.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pdf_check.py" line="58" />
        <source>Signed by both members of the pair, with the keys you confirmed when you linked it.</source>
        <translation>Signé par les deux membres du binôme, avec les clés confirmées lors de l’association.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pdf_check.py" line="64" />
        <source>Signed by you only: your partner's signature has not arrived yet.</source>
        <translation>Signé par vous seul : la signature de votre binôme n’est pas encore arrivée.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pdf_check.py" line="74" />
        <source>Check a shared summary</source>
        <translation>Vérifier une synthèse partagée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pdf_check.py" line="75" />
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pdf_check.py" line="79" />
        <source>Shared summary check</source>
        <translation>Vérification de la synthèse partagée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pdf_check.py" line="87" />
        <source>This PDF is protected. Its password:</source>
        <translation>Ce PDF est protégé. Son mot de passe :</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pdf_check.py" line="111" />
        <source>That is not the PDF's password; check it and try again.</source>
        <translation>Ce n’est pas le mot de passe du PDF ; vérifiez-le et réessayez.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pdf_check.py" line="124" />
        <source>This file is not a PDF that can be read; it may be damaged.</source>
        <translation>Ce fichier n’est pas un PDF lisible ; il est peut-être endommagé.</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="32" />
        <source>Lock after this long without activity</source>
        <translation>Verrouiller après cette durée d’inactivité</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="35" />
        <location filename="../../rm_journal/ui/prefs.py" line="51" />
        <source>1 minute</source>
        <translation>1 minute</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="36" />
        <location filename="../../rm_journal/ui/prefs.py" line="52" />
        <source>2 minutes</source>
        <translation>2 minutes</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="37" />
        <source>5 minutes</source>
        <translation>5 minutes</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="38" />
        <source>10 minutes</source>
        <translation>10 minutes</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="39" />
        <source>15 minutes</source>
        <translation>15 minutes</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="40" />
        <source>30 minutes</source>
        <translation>30 minutes</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="41" />
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="46" />
        <source>Clear copied text from the clipboard after</source>
        <translation>Effacer le texte copié du presse-papiers après</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="49" />
        <source>10 seconds</source>
        <translation>10 secondes</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="50" />
        <source>30 seconds</source>
        <translation>30 secondes</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="57" />
        <source>Screen sharing and screenshots</source>
        <translation>Partage d’écran et captures</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="60" />
        <source>Hide rm_journal</source>
        <translation>Masquer rm_journal</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="61" />
        <source>Show rm_journal</source>
        <translation>Montrer rm_journal</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="66" />
        <source>Encrypted backups in the data folder</source>
        <translation>Sauvegardes chiffrées dans le dossier de données</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="69" />
        <source>Every day (7 daily and 4 weekly kept)</source>
        <translation>Chaque jour (7 quotidiennes et 4 hebdomadaires gardées)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="70" />
        <source>Only when I ask</source>
        <translation>Seulement quand je le demande</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="75" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="78" />
        <location filename="../../rm_journal/ui/prefs.py" line="88" />
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="85" />
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="89" />
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/prefs.py" line="90" />
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
</context>
<context>
    <name>PresenterBanner</name>
    <message>
        <location filename="../../rm_journal/ui/presenter.py" line="50" />
        <source>Presenter mode: only what you both agreed on is shown. Private notes, pair names and your partner's words are hidden.</source>
        <translation>Mode présentation : seul ce que vous avez validé ensemble est affiché. Les notes privées, les noms des binômes et les mots de votre binôme sont masqués.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/presenter.py" line="60" />
        <source>Turn off (%1)</source>
        <translation>Désactiver (%1)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/presenter.py" line="63" />
        <source>Presenter mode is on</source>
        <translation>Le mode présentation est activé</translation>
    </message>
</context>
<context>
    <name>RemovePairDialog</name>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="149" />
        <source>Remove this pair</source>
        <translation>Supprimer ce binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="152" />
        <source>Removing “%1” destroys, for good:</source>
        <translation>Supprimer « %1 » détruit définitivement :</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="156" />
        <source>• this pair's journal (it cannot be read now), with everything in it;</source>
        <translation>• le journal de ce binôme (illisible pour l’instant), avec tout ce qu’il contient ;</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="161" />
        <source>• this pair's journal and all it holds (meetings: %1, entries: %2, takeaways: %3, actions: %4, topics: %5), with its sharing log (exports recorded: %6);</source>
        <translation>• le journal de ce binôme et tout ce qu’il contient (rencontres : %1, entrées : %2, enseignements : %3, actions : %4, sujets : %5), avec son journal des partages (exports enregistrés : %6) ;</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="177" />
        <source>• its key, so the copies of this journal in this data folder's backups can no longer be opened.</source>
        <translation>• sa clé, si bien que les copies de ce journal dans les sauvegardes de ce dossier de données ne pourront plus être ouvertes.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="186" />
        <source>Copies kept elsewhere (other disks, synced folders, your partner's computer) are not reached: delete them yourself. This cannot be undone.</source>
        <translation>Les copies gardées ailleurs (autres disques, dossiers synchronisés, ordinateur de votre binôme) ne sont pas atteintes : supprimez-les vous-même. C’est irréversible.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="193" />
        <source>Type the pair's name, %1, to confirm:</source>
        <translation>Tapez le nom du binôme, %1, pour confirmer :</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="197" />
        <source>The pair's name, to confirm</source>
        <translation>Le nom du binôme, pour confirmer</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="202" />
        <source>Remove the pair for good</source>
        <translation>Supprimer le binôme définitivement</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../rm_journal/ui/search.py" line="87" />
        <location filename="../../rm_journal/ui/search.py" line="92" />
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/search.py" line="91" />
        <source>Search every pair's journal</source>
        <translation>Rechercher dans les journaux de tous les binômes</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/search.py" line="100" />
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/search.py" line="125" />
        <source>Nothing found.</source>
        <translation>Aucun résultat.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/search.py" line="127" />
        <source>%1 results</source>
        <translation>%1 résultats</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/search.py" line="159" />
        <source>Not searched: pair %1 in the list, whose journal could not be opened.</source>
        <translation>Non cherché : binôme %1 de la liste, dont le journal n’a pas pu être ouvert.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/search.py" line="162" />
        <source>Not searched: pairs %1 in the list, whose journals could not be opened.</source>
        <translation>Non cherchés : binômes %1 de la liste, dont les journaux n’ont pas pu être ouverts.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/search.py" line="168" />
        <source>Takeaway</source>
        <translation>Enseignement</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/search.py" line="169" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/search.py" line="170" />
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/search.py" line="178" />
        <source>Session %1</source>
        <translation>Séance %1</translation>
    </message>
</context>
<context>
    <name>SecurityPanel</name>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="207" />
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="211" />
        <source>It opens every journal on this computer. Change it when you like.</source>
        <translation>Elle ouvre tous les journaux de cet ordinateur. Changez-la quand vous le souhaitez.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="215" />
        <source>Change the passphrase…</source>
        <translation>Changer la phrase secrète…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="220" />
        <source>Recovery code</source>
        <translation>Code de secours</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="223" />
        <source>Recovery code state</source>
        <translation>État du code de secours</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="225" />
        <source>Replace the recovery code…</source>
        <translation>Remplacer le code de secours…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="230" />
        <source>Keys</source>
        <translation>Clés</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="235" />
        <source>Setting a new passphrase (with the recovery code) keeps the same keys: a copy of the old key file still opens with the old passphrase, also what you write afterwards. If someone may know your passphrase, rotate every key.</source>
        <translation>Définir une nouvelle phrase secrète (avec le code de secours) garde les mêmes clés : une copie de l’ancien fichier de clés s’ouvre toujours avec l’ancienne phrase, y compris pour ce que vous écrivez ensuite. Si quelqu’un peut connaître votre phrase secrète, renouvelez toutes les clés.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="257" />
        <source>A recovery code is set. When it was made is not recorded (it was made before rm_journal noted it).</source>
        <translation>Un code de secours est en place. Sa date n’est pas connue (il a été créé avant que rm_journal ne la note).</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="261" />
        <source>A recovery code is set, made on %1.</source>
        <translation>Un code de secours est en place, créé le %1.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/security_panel.py" line="268" />
        <source>It is kept nowhere, so it cannot be shown again: if it may be lost or seen, replace it.</source>
        <translation>Il n’est conservé nulle part et ne peut donc pas être affiché à nouveau : s’il a pu être perdu ou vu, remplacez-le.</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="140" />
        <source>Private by default: only in your journal</source>
        <translation>Privé par défaut : seulement dans votre journal</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="311" />
        <source>Save status</source>
        <translation>État de l’enregistrement</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="316" />
        <source>Title of the session (optional)</source>
        <translation>Titre de la séance (facultatif)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="163" />
        <source>Actions carried over</source>
        <translation>Actions reportées</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="169" />
        <source>%1 older open actions are in the Actions tab.</source>
        <translation>%1 actions en cours plus anciennes sont dans l’onglet Actions.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="179" />
        <source>%1 — carried from session %2</source>
        <translation>%1 — reportée de la séance %2</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="185" />
        <source>due %1</source>
        <translation>échéance %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="195" />
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="232" />
        <source>Topics planned for this session</source>
        <translation>Sujets prévus pour cette séance</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="261" />
        <location filename="../../rm_journal/ui/session_editor.py" line="270" />
        <source>Agenda from your partner</source>
        <translation>Ordre du jour de votre binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="265" />
        <source>Talking points your partner shares with you:</source>
        <translation>Points que votre binôme partage avec vous :</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="317" />
        <source>Session title</source>
        <translation>Titre de la séance</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="354" />
        <source>Marked held, but required fields (*) are still empty: %1.</source>
        <translation>Marquée comme tenue, mais des champs obligatoires (*) sont encore vides : %1.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="357" />
        <source>Marked reflected, but required fields (*) are still empty: %1.</source>
        <translation>Marquée comme analysée, mais des champs obligatoires (*) sont encore vides : %1.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="375" />
        <location filename="../../rm_journal/ui/session_editor.py" line="380" />
        <location filename="../../rm_journal/ui/session_editor.py" line="404" />
        <source>Editing…</source>
        <translation>Modification…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="426" />
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="429" />
        <source>Trying again every few seconds.</source>
        <translation>Nouvel essai automatique dans quelques secondes.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/session_editor.py" line="484" />
        <source>Saved · encrypted</source>
        <translation>Enregistré · chiffré</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <location filename="../../rm_journal/ui/item_models.py" line="173" />
        <location filename="../../rm_journal/ui/meeting_models.py" line="170" />
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/item_models.py" line="174" />
        <location filename="../../rm_journal/ui/meeting_models.py" line="171" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/item_models.py" line="175" />
        <location filename="../../rm_journal/ui/meeting_models.py" line="172" />
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/item_models.py" line="176" />
        <location filename="../../rm_journal/ui/meeting_models.py" line="173" />
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../rm_journal/ui/settings_dialog.py" line="39" />
        <location filename="../../rm_journal/ui/settings_dialog.py" line="44" />
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/settings_dialog.py" line="56" />
        <source>Not possible on this system</source>
        <translation>Impossible sur ce système</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/settings_dialog.py" line="67" />
        <source>A new language applies the next time rm_journal starts.</source>
        <translation>Une nouvelle langue s’applique au prochain démarrage de rm_journal.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/settings_dialog.py" line="71" />
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/settings_dialog.py" line="73" />
        <source>Sec&amp;urity</source>
        <translation>Séc&amp;urité</translation>
    </message>
</context>
<context>
    <name>SharedItemsView</name>
    <message>
        <location filename="../../rm_journal/ui/presenter.py" line="85" />
        <source>Presenter mode: the session's form is hidden; this is what you agreed on.</source>
        <translation>Mode présentation : le formulaire de la séance est masqué ; voici ce que vous avez validé.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/presenter.py" line="104" />
        <source>Session %1</source>
        <translation>Séance %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/presenter.py" line="108" />
        <source>Agreed takeaways</source>
        <translation>Enseignements validés</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/presenter.py" line="113" />
        <source>Agreed actions</source>
        <translation>Actions validées</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/presenter.py" line="116" />
        <source>Nothing agreed in this session yet.</source>
        <translation>Rien n’a encore été validé dans cette séance.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../rm_journal/ui/item_models.py" line="29" />
        <source>Planned</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/item_models.py" line="30" />
        <source>Prepared</source>
        <translation>Préparée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/item_models.py" line="31" />
        <source>Held</source>
        <translation>Tenue</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/item_models.py" line="32" />
        <source>Reflected</source>
        <translation>Analysée</translation>
    </message>
</context>
<context>
    <name>TemplateManager</name>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="41" />
        <source>Template files (*.json)</source>
        <translation>Fichiers de modèle (*.json)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="45" />
        <source>short text</source>
        <translation>texte court</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="46" />
        <source>long text</source>
        <translation>texte long</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="47" />
        <source>list</source>
        <translation>liste</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="48" />
        <source>checklist</source>
        <translation>cases à cocher</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="49" />
        <source>rating from 1 to 5</source>
        <translation>note de 1 à 5</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="50" />
        <source>one choice</source>
        <translation>un choix</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="51" />
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="52" />
        <source>takeaways</source>
        <translation>enseignements</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="53" />
        <source>actions</source>
        <translation>actions</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="54" />
        <source>topics</source>
        <translation>sujets</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="57" />
        <source>Leader</source>
        <translation>Dirigeant</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="58" />
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="59" />
        <source>Both</source>
        <translation>Les deux</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="63" />
        <source>For a leader, and shared</source>
        <translation>Pour le dirigeant, et partagés</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="64" />
        <source>Written for the mentor</source>
        <translation>Écrits pour le mentor</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="67" />
        <source>For a mentor, and shared</source>
        <translation>Pour le mentor, et partagés</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="68" />
        <source>Written for the leader</source>
        <translation>Écrits pour le dirigeant</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="88" />
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="90" />
        <source>private, never shared</source>
        <translation>privé, jamais partagé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="97" />
        <source>built-in</source>
        <translation>fourni avec l’application</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="99" />
        <source>your own</source>
        <translation>le vôtre</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="101" />
        <source>For: %1 · version %2 · %3</source>
        <translation>Pour : %1 · version %2 · %3</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="136" />
        <location filename="../../rm_journal/ui/template_manager.py" line="151" />
        <source>Templates</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="141" />
        <source>A template is the form of an entry. Copy a built-in one to adapt it: export the copy, edit the file, then import it again with a higher version.</source>
        <translation>Un modèle est le formulaire d’une entrée. Copiez un modèle fourni pour l’adapter : exportez la copie, modifiez le fichier, puis importez-le de nouveau avec une version plus élevée.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="153" />
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="153" />
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="153" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="153" />
        <source>Kind</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="165" />
        <source>Template preview</source>
        <translation>Aperçu du modèle</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="175" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="182" />
        <source>&amp;Import a file…</source>
        <translation>&amp;Importer un fichier…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="183" />
        <source>&amp;Copy to adapt…</source>
        <translation>&amp;Copier pour adapter…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="184" />
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="185" />
        <source>&amp;Remove…</source>
        <translation>&amp;Retirer…</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="234" />
        <source>Built-in</source>
        <translation>Fourni</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="234" />
        <source>Your own</source>
        <translation>Le vôtre</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="264" />
        <source>Built-in templates come with the app and cannot be removed; your own copies can.</source>
        <translation>Les modèles fournis viennent avec l’application et ne peuvent pas être retirés ; vos propres copies, si.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="278" />
        <source>Import a template</source>
        <translation>Importer un modèle</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="287" />
        <source>Could not read %1: %2.</source>
        <translation>Impossible de lire %1 : %2.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="296" />
        <source>Imported “%1”, version %2.</source>
        <translation>« %1 » importé, version %2.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="303" />
        <source>%1 (my version)</source>
        <translation>%1 (ma version)</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="305" />
        <source>Copy to adapt</source>
        <translation>Copier pour adapter</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="305" />
        <source>Name of your template:</source>
        <translation>Nom de votre modèle :</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="318" />
        <source>Created “%1”, your own template. Export it to edit the file, then import it again with a higher version.</source>
        <translation>« %1 » créé, votre propre modèle. Exportez-le pour modifier le fichier, puis importez-le de nouveau avec une version plus élevée.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="329" />
        <source>Export the template</source>
        <translation>Exporter le modèle</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="338" />
        <source>Could not write %1: %2.</source>
        <translation>Impossible d’écrire %1 : %2.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="343" />
        <source>Wrote %1. It holds the form only, no journal text.</source>
        <translation>%1 enregistré. Il ne contient que le formulaire, aucun texte du journal.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="353" />
        <source>Remove the template</source>
        <translation>Retirer le modèle</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="355" />
        <source>Remove “%1”? Entries already written with it keep their form; it will no longer be offered for new sessions.</source>
        <translation>Retirer « %1 » ? Les entrées déjà écrites avec lui gardent leur formulaire ; il ne sera plus proposé pour les nouvelles séances.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="358" />
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/template_manager.py" line="367" />
        <source>Removed “%1”.</source>
        <translation>« %1 » retiré.</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="194" />
        <source>New entry</source>
        <translation>Nouvelle entrée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="198" />
        <source>Which kind of entry?</source>
        <translation>Quel type d’entrée ?</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="200" />
        <source>Templates</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="210" />
        <source>Written for the mentor</source>
        <translation>Écrits pour le mentor</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="212" />
        <source>Written for the leader</source>
        <translation>Écrits pour le dirigeant</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="225" />
        <location filename="../../rm_journal/ui/forms.py" line="227" />
        <source>For the session</source>
        <translation>Pour la séance</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="231" />
        <source>A new session</source>
        <translation>Une nouvelle séance</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/forms.py" line="240" />
        <source>Start</source>
        <translation>Commencer</translation>
    </message>
</context>
<context>
    <name>TopicEditor</name>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="46" />
        <source>Give the topic a title.</source>
        <translation>Donnez un titre au sujet.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="48" />
        <source>The title is too long: at most %1 characters.</source>
        <translation>Le titre est trop long : %1 caractères au plus.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="52" />
        <source>Why it matters is too long: at most %1 characters.</source>
        <translation>« Pourquoi il compte » est trop long : %1 caractères au plus.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="58" />
        <source>There are too many questions: at most %1 lines.</source>
        <translation>Il y a trop de questions : %1 lignes au plus.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="64" />
        <source>There are too many resources: at most %1 lines.</source>
        <translation>Il y a trop de ressources : %1 lignes au plus.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="72" />
        <source>A line is too long: at most %1 characters.</source>
        <translation>Une ligne est trop longue : %1 caractères au plus.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="89" />
        <source>New topic</source>
        <translation>Nouveau sujet</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="89" />
        <source>Edit the topic</source>
        <translation>Modifier le sujet</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="97" />
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="98" />
        <source>For example: AI at work</source>
        <translation>Par exemple : l’IA au travail</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="99" />
        <source>&amp;Topic</source>
        <translation>&amp;Sujet</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="101" />
        <source>Why it matters to this leader</source>
        <translation>Pourquoi il compte pour ce dirigeant</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="103" />
        <source>&amp;Why it matters to this leader</source>
        <translation>Pour&amp;quoi il compte pour ce dirigeant</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="105" />
        <source>Questions to ask, one per line</source>
        <translation>Questions à poser, une par ligne</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="108" />
        <source>&amp;Questions to ask, one per line</source>
        <translation>Q&amp;uestions à poser, une par ligne</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="112" />
        <source>Resources to bring, one per line</source>
        <translation>Ressources à apporter, une par ligne</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="115" />
        <source>&amp;Resources to bring, one per line</source>
        <translation>&amp;Ressources à apporter, une par ligne</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="121" />
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="128" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_editor.py" line="129" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>TopicPicker</name>
    <message>
        <location filename="../../rm_journal/ui/topic_picker.py" line="44" />
        <source>Topic library</source>
        <translation>Bibliothèque de sujets</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_picker.py" line="53" />
        <source>Ideas other mentors found worth raising. Select one to read why it matters and what to ask; add it as it is, then edit it to fit this leader.</source>
        <translation>Des idées que d’autres mentors ont jugées utiles. Choisissez-en une pour lire pourquoi elle compte et quoi demander ; ajoutez-la telle quelle, puis adaptez-la à ce dirigeant.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_picker.py" line="63" />
        <source>Library topics</source>
        <translation>Sujets de la bibliothèque</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_picker.py" line="70" />
        <source>About the selected topic</source>
        <translation>À propos du sujet choisi</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_picker.py" line="82" />
        <source>&amp;Add this topic</source>
        <translation>&amp;Ajouter ce sujet</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_picker.py" line="84" />
        <source>Add the &amp;checked topics</source>
        <translation>Ajouter les sujets &amp;cochés</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_picker.py" line="90" />
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_picker.py" line="113" />
        <source>%1 — in your backlog</source>
        <translation>%1 — dans votre réserve</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_picker.py" line="128" />
        <source>Why it matters</source>
        <translation>Pourquoi c’est important</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_picker.py" line="130" />
        <source>Questions to ask</source>
        <translation>Questions à poser</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/topic_picker.py" line="131" />
        <source>Resources</source>
        <translation>Ressources</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../rm_journal/ui/undo.py" line="46" />
        <source>The pair this change belongs to was removed; there is nothing to undo.</source>
        <translation>Le binôme auquel appartient cette modification a été supprimé ; il n’y a rien à annuler.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/undo.py" line="49" />
        <source>Could not undo: %1</source>
        <translation>Impossible d’annuler : %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/undo.py" line="50" />
        <source>Could not redo: %1</source>
        <translation>Impossible de rétablir : %1</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/undo.py" line="103" />
        <source>Takeaway deleted.</source>
        <translation>Enseignement supprimé.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/undo.py" line="106" />
        <source>delete takeaway</source>
        <translation>la suppression de l’enseignement</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/undo.py" line="119" />
        <source>Action deleted.</source>
        <translation>Action supprimée.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/undo.py" line="122" />
        <source>delete action</source>
        <translation>la suppression de l’action</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/undo.py" line="135" />
        <source>Topic deleted.</source>
        <translation>Sujet supprimé.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/undo.py" line="138" />
        <source>delete topic</source>
        <translation>la suppression du sujet</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/undo.py" line="154" />
        <source>Entry deleted.</source>
        <translation>Entrée supprimée.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/undo.py" line="157" />
        <source>delete entry</source>
        <translation>la suppression de l’entrée</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/undo.py" line="200" />
        <source>edit takeaway</source>
        <translation>la modification de l’enseignement</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/undo.py" line="214" />
        <source>edit action</source>
        <translation>la modification de l’action</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/undo.py" line="228" />
        <source>edit topic</source>
        <translation>la modification du sujet</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="117" />
        <source>Your journal is locked</source>
        <translation>Votre journal est verrouillé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="118" />
        <source>Enter your passphrase to open it.</source>
        <translation>Saisissez votre phrase secrète pour l’ouvrir.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="121" />
        <location filename="../../rm_journal/ui/lock_pages.py" line="122" />
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="128" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="132" />
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="137" />
        <source>I forgot my passphrase</source>
        <translation>J’ai oublié ma phrase secrète</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="147" />
        <source>Type the recovery code from your recovery sheet, then choose a new passphrase.</source>
        <translation>Saisissez le code de votre fiche de secours, puis choisissez une nouvelle phrase secrète.</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="154" />
        <source>Recovery code</source>
        <translation>Code de secours</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="159" />
        <source>Open with the recovery code</source>
        <translation>Ouvrir avec le code de secours</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/lock_pages.py" line="191" />
        <source>Type your passphrase first.</source>
        <translation>Saisissez d’abord votre phrase secrète.</translation>
    </message>
</context>
<context>
    <name>_ItemRow</name>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="279" />
        <source>Status of the takeaway</source>
        <translation>État de l’enseignement</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="281" />
        <source>Private</source>
        <translation>Privé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="282" />
        <source>Proposed</source>
        <translation>Proposé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="283" />
        <source>Agreed</source>
        <translation>Validé</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="284" />
        <source>Dropped</source>
        <translation>Abandonné</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="291" />
        <source>Who does it</source>
        <translation>Qui s’en charge</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="294" />
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="295" />
        <source>Partner</source>
        <translation>Binôme</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="296" />
        <source>Both</source>
        <translation>Les deux</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="301" />
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="301" />
        <source>No due date</source>
        <translation>Pas d’échéance</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="306" />
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../rm_journal/ui/field_editors.py" line="307" />
        <source>Remove this item</source>
        <translation>Retirer cet élément</translation>
    </message>
</context>
<context>
    <name>label</name>
    <message>
        <location filename="../../rm_journal/ui/pair_dialogs.py" line="51" />
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
</context>
</TS>