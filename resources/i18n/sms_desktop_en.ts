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
<context>
    <name>DrillDownDialog</name>
    <message numerus="yes">
        <source>%Ln item(s), total {total}</source>
        <translation>
            <numerusform>%Ln item, total {total}</numerusform>
            <numerusform>%Ln items, total {total}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message numerus="yes">
        <source>Copied %Ln target(s) from the previous period.</source>
        <translation>
            <numerusform>Copied %Ln target from the previous period.</numerusform>
            <numerusform>Copied %Ln targets from the previous period.</numerusform>
        </translation>
    </message>
</context>
</TS>
