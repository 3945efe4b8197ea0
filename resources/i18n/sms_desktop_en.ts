<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CustomersTab</name>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln customer(s)</source>
        <translation>
            <numerusform>Delete %Ln customer</numerusform>
            <numerusform>Delete %Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln customer(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln customer to {path}.</numerusform>
            <numerusform>Exported %Ln customers to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DealListView</name>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation>
            <numerusform>%Ln deal</numerusform>
            <numerusform>%Ln deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln deal(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln deal to {path}.</numerusform>
            <numerusform>Exported %Ln deals to {path}.</numerusform>
        </translation>
    </message>
</context>
</TS>
