<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConversionReview</name>
    <message numerus="yes">
        <source>The file changed: %n fix(es) made everywhere carried over; %1 made at one place could not be found again.</source>
        <translation>
            <numerusform>The file changed: %n fix made everywhere carried over; %1 made at one place could not be found again.</numerusform>
            <numerusform>The file changed: %n fixes made everywhere carried over; %1 made at one place could not be found again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file changed: %n fix(es) carried over.</source>
        <translation>
            <numerusform>The file changed: %n fix carried over.</numerusform>
            <numerusform>The file changed: %n fixes carried over.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoticeTexts</name>
    <message numerus="yes">
        <source>%n places with undecodable bytes in %1, shown as �</source>
        <translation>
            <numerusform>%n place with undecodable bytes in %1, shown as �</numerusform>
            <numerusform>%n places with undecodable bytes in %1, shown as �</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chapters missing from the book: %1</source>
        <translation>
            <numerusform>%n chapter missing from the book: %1</numerusform>
            <numerusform>%n chapters missing from the book: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged chapters left out: %1</source>
        <translation>
            <numerusform>%n damaged chapter left out: %1</numerusform>
            <numerusform>%n damaged chapters left out: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files with malformed XHTML, read as well as possible</source>
        <translation>
            <numerusform>%n file with malformed XHTML, read as well as possible</numerusform>
            <numerusform>%n files with malformed XHTML, read as well as possible</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n links or pictures outside the book ignored</source>
        <translation>
            <numerusform>%n link or picture outside the book ignored</numerusform>
            <numerusform>%n links or pictures outside the book ignored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pictures missing from the book</source>
        <translation>
            <numerusform>%n picture missing from the book</numerusform>
            <numerusform>%n pictures missing from the book</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplaceRulesDialog</name>
    <message numerus="yes">
        <source>Imported %n rule(s). Left out: %1 written in JavaScript, %2 for chapter titles only, %3 whose pattern Python cannot read.</source>
        <translation>
            <numerusform>Imported %n rule. Left out: %1 written in JavaScript, %2 for chapter titles only, %3 whose pattern Python cannot read.</numerusform>
            <numerusform>Imported %n rules. Left out: %1 written in JavaScript, %2 for chapter titles only, %3 whose pattern Python cannot read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <source>%1 characters</source>
        <translation>
            <numerusform>%1 character</numerusform>
            <numerusform>%1 characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDictionaryDialog</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
</TS>
